namespace Sanoo.Storage.Acts;

/// <summary>A recount the commission ordered: which station's ballots of which contest are counted again, and why.</summary>
/// <param name="Sequence">Its number, from 1.</param>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Reason">Why, in the commission's words.</param>
/// <param name="OrderedBy">The operator who recorded the order.</param>
/// <param name="OrderedAt">When.</param>
/// <param name="Translations">The reason's language and translations, if the commission gave them.</param>
public sealed record RecountOrder(long Sequence, Core.Definitions.AreaId Station, Core.Definitions.ContestId Contest, string Reason,
    string OrderedBy, DateTimeOffset OrderedAt, Core.Register.Translations? Translations = null);

/// <summary>What a recount found, recorded after it (the new figures themselves arrive as a correction of the protocol).</summary>
/// <param name="Sequence">Its number.</param>
/// <param name="Recount">The order it answers.</param>
/// <param name="Outcome">The finding, in the commission's words.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="Translations">The finding's language and translations, if the commission gave them.</param>
public sealed record RecountOutcome(
    long Sequence, long Recount, string Outcome, string RecordedBy, DateTimeOffset RecordedAt, Core.Register.Translations? Translations = null);

/// <summary>The commission's certification of the official result as it stood at one log position.</summary>
/// <param name="Sequence">Its number.</param>
/// <param name="Position">The log position (snapshot) certified.</param>
/// <param name="Statement">The commission's statement.</param>
/// <param name="CertifiedBy">The operator who recorded it.</param>
/// <param name="CertifiedAt">When.</param>
/// <param name="Translations">The statement's language and translations, if the commission gave them.</param>
public sealed record Certification(
    long Sequence, long Position, string Statement, string CertifiedBy, DateTimeOffset CertifiedAt, Core.Register.Translations? Translations = null);
