namespace Sanoo.Web.Ingest;

/// <summary>Whether a sender may write: admitted as <typeparamref name="T"/> (who they are), or refused with the reason.</summary>
/// <typeparam name="T">What an admitted sender is known as: the <see cref="Log.Sender"/> recorded, or the operator.</typeparam>
public abstract record Admission<T>
    where T : class
{
    private Admission()
    {
    }

    /// <summary>May write.</summary>
    /// <param name="Who">Who they are.</param>
    public sealed record Admitted(T Who) : Admission<T>;

    /// <summary>May not write.</summary>
    /// <param name="Refusal">Why.</param>
    public sealed record Refused(Refusal Refusal) : Admission<T>;
}
