using Sanoo.Core.Register;
using Sanoo.Storage.Acts;
using Sanoo.Web.Publishing;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Acts;

/// <summary>The commission's acts as the wire carries them.</summary>
public static class ActJson
{
    /// <summary>The wire form of a recount order.</summary>
    public static Wire.RecountOrder Of(RecountOrder o) => new(
        o.Sequence, o.Station.Value, o.Contest.Value, o.Reason, o.OrderedBy, o.OrderedAt, o.Translations?.Language, Texts(o.Translations));

    /// <summary>The wire form of a recount's finding.</summary>
    public static Wire.RecountOutcome Of(RecountOutcome o) =>
        new(o.Sequence, o.Recount, o.Outcome, o.RecordedBy, o.RecordedAt, o.Translations?.Language, Texts(o.Translations));

    /// <summary>The wire form of a certification.</summary>
    public static Wire.Certification Of(Certification c) =>
        new(c.Sequence, c.Position, c.Statement, c.CertifiedBy, c.CertifiedAt, c.Translations?.Language, Texts(c.Translations));

    /// <summary>The translations of a text as the wire carries them: null when there are none.</summary>
    public static IReadOnlyDictionary<string, string>? Texts(Translations? translations) =>
        translations is null || translations.Texts.IsEmpty ? null : translations.Texts;

    /// <summary>The 201 answer to a recount order.</summary>
    public static Wire.RecountOrdered Ordered(RecountOrder o) => new(Of(o));

    /// <summary>The 201 answer to a recount's finding.</summary>
    public static Wire.RecountOutcomeRecorded Found(RecountOutcome o) => new(Of(o));

    /// <summary>The 201 answer to a certification.</summary>
    public static Wire.CertificationRecorded Certified(Certification c) => new(Of(c));

    /// <summary>Every recount order with its findings, oldest first.</summary>
    public static Wire.RecountList Recounts(CommissionRecord acts) => new(
        [.. acts.Orders.Select(o => new Wire.Recount(
            o.Sequence,
            o.Station.Value,
            o.Contest.Value,
            o.Reason,
            o.OrderedBy,
            o.OrderedAt,
            [.. acts.OutcomesOf(o).Select(x => new Wire.RecountFinding(
                x.Outcome, x.RecordedBy, x.RecordedAt, x.Translations?.Language, Texts(x.Translations)))],
            o.Translations?.Language,
            Texts(o.Translations)))]);

    /// <summary>Every certification, oldest first.</summary>
    public static Wire.CertificationList Certifications(CommissionRecord acts) => new([.. acts.Certifications.Select(Of)]);
}
