using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Storage.Access;
using Sanoo.Web.Access;

namespace Sanoo.Cli.Commands.Audit;

/// <summary>What the audit's commands are given, read strictly: each problem is a sentence naming what is wrong.</summary>
internal static class AuditInput
{
    /// <summary>The fewest digits a seed may have: 20 rolls of a ten-sided die.</summary>
    public const int SeedDigits = 20;

    /// <summary>Reads <c>5%</c> or <c>0.05</c> into its decimal text (<c>0.05</c>); the limit must be above 0 and at most 50%.</summary>
    public static string? RiskLimit(string text, out string limit)
    {
        var percent = text.EndsWith('%');
        limit = "";
        if (!decimal.TryParse(percent ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return $"the risk limit '{text}' is not a number such as 5% or 0.05";
        }
        value = percent ? value / 100 : value;
        if (value <= 0 || value > 0.5m)
        {
            return $"the risk limit {text} is not above 0 and at most 50%";
        }
        limit = value.ToString("0.############", CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>A seed is decimal digits only, at least <see cref="SeedDigits"/> of them.</summary>
    public static string? Seed(string seed) =>
        seed.Length >= SeedDigits && seed.All(char.IsAsciiDigit)
            ? null
            : $"the seed must be at least {SeedDigits} decimal digits, rolled in public (docs/audits.md), and nothing else";

    /// <summary>
    /// A recount entry of a station drawn in a recorded round, for an audited contest it votes on, by an operator who may act for
    /// the station, with one figure per choice; or null and the problem.
    /// </summary>
    public static AuditRecountRecord? Recount(
        Election election,
        AuditStore audit,
        IReadOnlyList<Operator> operators,
        (string Station, string? Contest, string By) who,
        (long Ballots, string Votes) figures,
        out string problem)
    {
        problem = "";
        var batch = audit.Comparison?.Batches.FirstOrDefault(b => b.Station.Value == who.Station);
        var drawn = audit.Book.Rounds.Any(r => r.Draws.Contains(who.Station));
        var counts = batch?.Counts.Where(c => who.Contest is null || c.Contest.Value == who.Contest).ToList() ?? [];
        var op = operators.FirstOrDefault(o => o.Name == who.By);
        var votes = figures.Votes.Split(',').Select(v => long.TryParse(v.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ToList();
        problem = audit.Comparison is null ? "this store has no audit (sanoo audit plan starts one)"
            : !drawn ? $"station {who.Station} was not drawn in any round of the audit"
            : counts.Count != 1 ? $"give --contest: one of {string.Join(", ", batch!.Counts.Select(c => c.Contest.Value))}"
            : op is null || !new Jurisdiction(election).Covers(op, new AreaId(who.Station))
                ? $"{who.By} is not an operator who may act for station {who.Station}"
            : votes.Count != counts[0].Votes.Length || votes.Any(v => v < 0)
                ? $"--votes needs {counts[0].Votes.Length} whole numbers, one per choice in ballot order"
            : figures.Ballots < votes.Sum() ? $"--ballots {figures.Ballots} is fewer than the {votes.Sum()} votes"
            : "";
        return problem.Length > 0
            ? null
            : new AuditRecountRecord(0, 0, DateTimeOffset.UtcNow, who.By, who.Station, counts[0].Contest.Value, figures.Ballots, [.. votes]);
    }
}
