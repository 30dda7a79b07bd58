using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Testing;

/// <summary>A small protocol form shaped like a real post-Soviet protocol, for tests.</summary>
public static class TestForms
{
    public static readonly FormId Id = new("test-form");

    public static ImmutableArray<string> LineIds { get; } =
        ["registered", "additional", "received", "issued", "cancelled", "in_boxes", "valid", "invalid"];

    public static ProtocolForm Form { get; } = new(
        Id,
        [.. LineIds.Select(l => new FormLine(new LineId(l), LocalizedText.Of("en", l)))],
        [
            Relation("ballots_balance", "received = issued + cancelled", Severity.Error),
            Relation("boxes_balance", "in_boxes = valid + invalid", Severity.Error),
            Relation("valid_equals_votes", "valid = votes(*)", Severity.Error),
            Relation("issued_within_lists", "issued <= registered + additional", Severity.Error),
            Relation("found_within_issued", "in_boxes <= issued", Severity.Error),
            Relation("invalid_below_valid", "invalid <= valid", Severity.Warning),
        ],
        "valid + invalid");

    private static RelationSpec Relation(string id, string rule, Severity severity) =>
        new(new RelationId(id), rule, severity, null);
}
