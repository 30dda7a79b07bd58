using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;
using Sanoo.Core.Register;
using Sanoo.Storage.Access;
using Sanoo.Storage.Reports;
using Sanoo.Web.Access;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The verifier's replay of observers' reports and the commission's answers, in register order beside the rest of the register:
/// each report was filed by an observer or party agent enrolled before it and accredited for its station, is numbered in turn and
/// says what is wrong in the recorded words; each answer was given by an enrolled admin, answers a report recorded before it, and
/// is the only answer to that report. A report slipped into the database by anyone else fails the verification.
/// </summary>
/// <param name="election">The election the register is counted under.</param>
/// <param name="operators">The operators the register has enrolled so far, by name (kept up to date by the caller).</param>
/// <param name="orders">The recount orders recorded so far, by number (kept up to date by the caller).</param>
/// <param name="problems">Where problems are added, each naming its record.</param>
internal sealed class ReportReplay(
    Election election, IReadOnlyDictionary<string, Operator> operators, IReadOnlyDictionary<long, RecountOrderRecord> orders, List<string> problems)
{
    private readonly Jurisdiction _jurisdiction = new(election);
    private readonly Dictionary<long, ReportRecord> _reports = [];
    private readonly Dictionary<long, ReportAnswerRecord> _answers = [];
    private readonly List<RegisterRecord> _records = [];

    /// <summary>
    /// The reports replayed so far, each with its answer, as the server reads them from the same records into its pages
    /// (<see cref="ReportBook.Of"/>): a station's page lists its own. A report on no well-formed station id is left out (it is named).
    /// </summary>
    public IReadOnlyList<ObserverReport> Reports => ReportBook.Of(_records);

    /// <summary>Holds a party agent's enrolment to the definition: their party is one of its choices.</summary>
    public void Enrolled(OperatorRecord record)
    {
        if (record.Party is { } party && !(ChoiceId.TryParse(party, out var choice) && election.Choices.ContainsKey(choice)))
        {
            problems.Add($"register record {record.Sequence} enrols party agent {record.Name} for '{party}', which is no choice of the election");
        }
    }

    /// <summary>Holds a report to the register as it stood when it was filed.</summary>
    public void Apply(ReportRecord report)
    {
        var at = $"register record {report.Sequence}: report {report.Number}";
        if (AreaId.TryParse(report.StationId, out _))
        {
            _records.Add(report);
        }
        if (report.Number != _reports.Count + 1)
        {
            problems.Add($"{at} should be report {_reports.Count + 1}: reports were dropped, reordered or slipped in");
        }
        if (!_reports.TryAdd(report.Number, report))
        {
            problems.Add($"{at} is a second report with that number");
        }
        if (!operators.TryGetValue(report.By, out var reporter) || !reporter.Reports)
        {
            problems.Add($"{at} of station {report.StationId} is by {report.By}, who was not then an enrolled observer or party agent");
        }
        else if (!AreaId.TryParse(report.StationId, out var station) || !_jurisdiction.Accredits(reporter, station))
        {
            problems.Add($"{at} is on station {report.StationId}, outside {report.By}'s accreditation "
                + $"({reporter.District?.Value ?? "the whole election"})");
        }
        if (report.Contest is { } contest && !(ContestId.TryParse(contest, out var contestId) && election.Contest(contestId) is not null))
        {
            problems.Add($"{at} names contest {contest}, which is not in the election");
        }
        if (!ReportWords.Concerns.Contains(report.What))
        {
            problems.Add($"{at} says '{report.What}' is wrong, which is not one of {string.Join(", ", ReportWords.Concerns)}");
        }
        if (FreeText.ProblemWithText(report.Text) is { } bad)
        {
            problems.Add($"{at}: {bad}");
        }
        else if (report.What == ReportWords.Other && report.Text.Trim().Length == 0)
        {
            problems.Add($"{at} is of 'other' with no text");
        }
    }

    /// <summary>Holds an answer to the register as it stood when it was given.</summary>
    public void Apply(ReportAnswerRecord answer)
    {
        var at = $"register record {answer.Sequence}: the answer to report {answer.Report}";
        _records.Add(answer);
        if (!_reports.TryGetValue(answer.Report, out var report))
        {
            problems.Add($"{at} answers a report that was not recorded before it");
        }
        if (!_answers.TryAdd(answer.Report, answer))
        {
            problems.Add($"{at} is a second answer (the first is record {_answers[answer.Report].Sequence}); a report has one answer");
        }
        if (!operators.TryGetValue(answer.By, out var admin) || admin.Role != OperatorRole.Admin)
        {
            problems.Add($"{at} is by {answer.By}, who was not then an enrolled admin");
        }
        if (!ReportWords.Answers.Contains(answer.Answer))
        {
            problems.Add($"{at} is '{answer.Answer}', not '{ReportWords.Accepted}' or '{ReportWords.Rejected}'");
        }
        if (answer.Answer == ReportWords.Rejected && answer.Reason.Trim().Length == 0)
        {
            problems.Add($"{at} rejects it without a reason");
        }
        if (answer.Recount is { } recount && (!orders.TryGetValue(recount, out var order) || order.StationId != report?.StationId))
        {
            problems.Add($"{at} names recount order {recount}, which was not ordered for station {report?.StationId} before it");
        }
    }

    /// <summary>What the register held of reports, in a short line.</summary>
    public string Summary()
    {
        var accepted = _answers.Values.Count(a => a.Answer == ReportWords.Accepted);
        return string.Create(CultureInfo.InvariantCulture,
            $"observers' reports: {_reports.Count:N0} ({_reports.Count - _answers.Count:N0} open, {accepted:N0} accepted, "
            + $"{_answers.Count - accepted:N0} rejected)");
    }
}
