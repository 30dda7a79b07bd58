using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Storage.Acts;

namespace Sanoo.Storage.Sql;

/// <summary>The commission's acts as the server reads them, from their register records.</summary>
internal static class ActRecords
{
    public static RecountOrder Order(RecountOrderRecord r) =>
        new(r.Number, new AreaId(r.StationId), new ContestId(r.Contest), r.Reason, r.By, r.At, r.Translations);

    public static RecountOutcome Outcome(RecountOutcomeRecord r) => new(r.Number, r.Recount, r.Outcome, r.By, r.At, r.Translations);

    public static Certification Certification(CertificationRecord r) => new(r.Number, r.Position, r.Statement, r.By, r.At, r.Translations);
}
