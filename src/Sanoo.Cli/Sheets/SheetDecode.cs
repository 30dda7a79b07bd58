namespace Sanoo.Cli.Sheets;

/// <summary>What the text of a QR code came to: a sheet's payload, or why it is none.</summary>
public abstract record SheetDecode
{
    private SheetDecode()
    {
    }

    /// <summary>A payload of a format this version reads; its protocol is not yet checked against a definition.</summary>
    /// <param name="Payload">The payload.</param>
    public sealed record Read(SheetPayload Payload) : SheetDecode;

    /// <summary>Text that is not a protocol sheet of a known format.</summary>
    /// <param name="Why">Why, in a sentence for people.</param>
    public sealed record NotASheet(string Why) : SheetDecode;
}
