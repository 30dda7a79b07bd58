namespace Sanoo.Web.Ingest;

/// <summary>Why a submission may not be written: the sender is not known (401) or may not write it (403).</summary>
public abstract record Refusal
{
    private Refusal(string path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The submission's path in the body.</summary>
    public string Path { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Reason { get; }

    /// <summary>The HTTP status: 401 or 403.</summary>
    public abstract int Status { get; }

    /// <summary>The problem's title.</summary>
    public abstract string Title { get; }

    /// <summary>No signature, no token, or a token nobody holds: who are you?</summary>
    public sealed record Unauthenticated : Refusal
    {
        /// <summary>Creates the refusal.</summary>
        public Unauthenticated(string path, string reason)
            : base(path, reason)
        {
        }

        /// <inheritdoc />
        public override int Status => 401;

        /// <inheritdoc />
        public override string Title => "Not authenticated";
    }

    /// <summary>A known sender who may not write this: another station's key, another district, a wrong signature.</summary>
    public sealed record Forbidden : Refusal
    {
        /// <summary>Creates the refusal.</summary>
        public Forbidden(string path, string reason)
            : base(path, reason)
        {
        }

        /// <inheritdoc />
        public override int Status => 403;

        /// <inheritdoc />
        public override string Title => "Not allowed";
    }
}
