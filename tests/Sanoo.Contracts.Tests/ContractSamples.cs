using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sanoo.Contracts.Tests;

/// <summary>One filled-in instance of every document the wire carries, every optional field set somewhere.</summary>
public static class ContractSamples
{
    private static readonly DateTimeOffset At = new(2021, 11, 28, 14, 15, 3, 120, TimeSpan.Zero);
    private static readonly string Hash = new('a', 64);
    private static readonly JsonElement Protocol = JsonElement.Parse(
        """{"election":"kg-2021","station":"s0001","contest":"list","source":"hand","version":1,"lines":{"valid":478},"votes":{"p01":12}}""");

    private static readonly Receipt Receipt = new(
        ReceiptOutcome.Duplicate, StoredOutcome.Rejected, 4930, 1, Hash, 4929, Hash, At,
        [new Violation("valid_equals_votes", "valid = votes(*)", Severity.Error, 478, 490)],
        [new FieldProblem("$.protocol.votes.p99", "unknown choice")]);

    private static Dictionary<string, string> Translated(string russian) => new() { ["ru"] = russian };

    private static readonly TreeHead Head = new("kg-2021", Hash, 4929, Hash, 17, Hash, 1637936103120, "c2lnbmF0dXJl", "a2V5");

    private static readonly Reporting Reporting = new(233, 233, 418778, 418778);

    /// <summary>Every sample, each a document the context serializes at the top level.</summary>
    public static IReadOnlyList<object> All { get; } =
    [
        new ProtocolDocument("kg-2021", "s0001", "list", "hand", 2, new Dictionary<string, int> { ["valid"] = 478 },
            new Dictionary<string, int> { ["p01"] = 12 }, new Correction("recount", "cec")),
        new Submission(Protocol, "c2lnbmF0dXJl"),
        new SubmissionBatch([new Submission(Protocol)]),
        Receipt,
        new ReceiptAnswer(Receipt),
        new ImageAnswer("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "image/png", 43224),
        new ReceiptBatchAnswer([Receipt, Receipt with { StoredOutcome = null, Outcome = ReceiptOutcome.Rejected }]),
        new Problem("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad", 400, "1 problem(s)",
            new Dictionary<string, IReadOnlyList<string>> { ["$"] = ["unsigned"] }, "00-1-2-00"),
        new ServerStatus("kg-2021", new Dictionary<string, string> { ["ru"] = "Выборы" }, 4929, At, 4930, Publication.Halted, "a sum is off", Head),
        new AreaResults("kg-2021", 4929, new ContestRef("list", "List", ContestKind.PartyList, 54), new SourceRef("hand", "Hand", true),
            new AreaRef("bishkek", "Bishkek", "region", false), Reporting, 145686, 131678, 0,
            new Dictionary<string, long> { ["registered"] = 417568 },
            [new ChoiceResult("p01", "Ata Meken", 1, 5127, 3.5192m), new ChoiceResult("against", "Against all", null, 0, 0m)],
            new SeatsResult(54, "hare", [new PartySeats("p01", 0, false)], ["Threshold: 5%."], ["p02 and p03 tie: by lot."],
                [new JsonObject { ["kind"] = "allPassed" }], []),
            new SingleMemberOutcome("c1", 100, 3, null),
            [new ChildResult("d26", "d26", "district", Reporting, 36800, 33100, [5127, 0])]),
        new StationRecord(4929, "s0001", "d01", 1540, 0,
            [new StationCount("list", "hand", 2, [new ProtocolVersion(
                7, 2, StoredOutcome.Accepted, Hash, At, "operator:cec", new Correction("recount", "cec"), ["warning w (a <= b): a is 2, b is 1"],
                Protocol)])])
        {
            PublishedAt = At,
            TreeHead = new PageTreeHead(4929, Hash, At),
        },
        new NotCountedList(4929, [new NotCounted(4, "s0402", "list", "hand", 1, StoredOutcome.Conflict, [], At)]),
        new FlaggedList(4929, [new FlaggedVersion(
            9, "s0450", "list", "hand", 1, [new Violation("mobile_within_outside", "in_mobile <= issued_outside", Severity.Warning, 35, 25)], At)]),
        Head,
        new InclusionProof(3, 2, 4929, [Hash]),
        new ConsistencyProof(2, 5, [Hash, Hash]),
        new EntriesPage(
            0,
            [new LogEntry(1, "s0001", "list", "machine", 1, StoredOutcome.Stale, "device:s0001", Hash, "", 1637936103120, Hash, "e30=", Protocol)]),
        new AreaEntries(
            "d01",
            4929,
            [new ProvenEntry(7, "s0001", "list", "hand", 2, StoredOutcome.Accepted, "operator:cec", Hash, "", 1637936103120, "e30=", [Hash])],
            []),
        new AreaEntries("d01", 4929, [], ["s0001", "s0002"]),
        new DeviceKeys([new DeviceKey("s0001", "a2V5")], [new KeyEnrolment("s0001", "a2V5", 1637936103120)], []),
        new RegisterPage(0, [new RegisterRecord(1, "witness", "e30=", Hash, JsonElement.Parse("{\"kind\":\"witness\"}"))]),
        new CosignatureRequest("Observer Mission", 4929, 17, 1637936103120, Hash, "c2lnbmF0dXJl", Hash),
        new Cosignatures(
            [new WitnessCosignature("Observer Mission", "a2V5", 4929, 17, Hash, Hash, 1637936103120, "c2lnbmF0dXJl", 1637936104120),
             new WitnessCosignature("Newsroom", "a2V5", 4000, 15, Hash, Hash, 1637936003120, "c2lnbmF0dXJl", 1637936004120, RevokedBy: 16)],
            [new CosignatureAlarm(4929, Hash, Hash, "server", "two roots", 1637936105120)]),
        new EntryAnswer(EntryStatus.AlreadyMatched, "already", null, Hash, [new EntryDifference("p01", 21)], Receipt),
        new WaitingForSupervisor("cec", [new QueuedVersion("s0002", "list", "hand", 1, [new QueuedEntry(3, "dec-01", At, Hash)],
            [new QueuedDifference("p01", [26, 27])])]),
        new WaitingForSupervisor("dec-01", [new QueuedVersion("s0002", "list", "hand", 1, [new QueuedEntry(3, "dec-01-b", At, null)],
            [new QueuedDifference("p01", null)])]),
        new StationEntries("s0001", [new HandEntry(1, "list", "hand", 1, "dec-01", At, EntryStatus.AwaitingSecond, Hash),
            new HandEntry(2, "list", "hand", 1, "dec-01-b", At, EntryStatus.Mismatch, null)]),
        new RecountRequest("s0001", "list", "differ", "en", Translated("расходятся")),
        new RecountOutcomeRequest("confirmed", "en", Translated("подтверждено")),
        new CertificationRequest("certified", "en", Translated("утверждено")),
        new RecountOrdered(new RecountOrder(1, "s0001", "list", "differ", "dec-01", At, "en", Translated("расходятся"))),
        new RecountOutcomeRecorded(new RecountOutcome(1, 1, "confirmed", "cec", At, "en", Translated("подтверждено"))),
        new CertificationRecorded(new Certification(1, 4932, "certified", "cec", At, "en", Translated("утверждено"))),
        new RecountList([new Recount(
            1, "s0001", "list", "differ", "dec-01", At, [new RecountFinding("confirmed", "cec", At, "en", Translated("подтверждено"))],
            "en", Translated("расходятся"))]),
        new CertificationList([new Certification(1, 4932, "certified", "cec", At)]),
        new ReportRequest("s0001", "list", "image-differs", "312 on the photo", Hash),
        new ReportRequest("s0001", null, "not-posted", null, null),
        new ReportAnswerRequest("accepted", "corrected", 1, Hash, "en", Translated("исправлено")),
        new ReportRecorded(new Report(1, "s0001", null, "not-posted", "", null, "aigul", At, "open", null)),
        new ReportList(
            [new Report(
                1, "s0001", "list", "image-differs", "312", Hash, "aigul", At, "accepted", new ReportAnswer(
                    "accepted", "corrected", 1, Hash, "cec", At, "en", Translated("исправлено")))],
            new ReportCounts(0, 1, 0), 1, 0, null),
        new TurnoutRequest("s0001", "10:00", 312, "c2lnbmF0dXJl"),
        new TurnoutRequest("s0001", "12:00", 401, null),
        new TurnoutRecorded("s0001", "10:00", 312, "device:s0001", 7, At),
        new TurnoutArea(
            "kg", 4929, 1,
            [new TurnoutAt("10:00", 1, 2494, 312, 1540, 20.26m), new TurnoutAt("12:00", 0, 2494, 0, 0, null)],
            [new TurnoutChild("batken", [new TurnoutAt("10:00", 1, 214, 312, 1540, 20.26m)])],
            [new TurnoutFlag("s0001", "hand", "20:00", 530, 526)]),
        new ProgressReport(
            "list", "kg", 4929, "Asia/Bishkek", ["p01", "p02"],
            [new ProgressSource(
                "machine", false, 2494, 300, [new ProgressAt(At, 1, 530, [312, 200]), new ProgressAt(At.AddMinutes(5), 2, 1060, [600, 420])]),
                new ProgressSource("hand", true, 2494, 1, [])])
        {
            PublishedAt = At,
            Halted = true,
        },
        new AuditStatus("confirmed", "32805417963180645971", "0.05", "machine", 4929, ["list"], 2494, 148.6, 148_600_000, "Draw j …",
            [new AuditedAssertion("list: p03 over the threshold", "list", "over-threshold", "p03", null, 8526)],
            [new AuditRoundStatus(1, 1, ["s0463", "s0463"], [new AuditDrawnStation("s0463", 2, 0.061, true, 0,
                [new AuditStationCount("list", 812, [400, 12], 812, [400, 12], 2)])], "0.031250", "confirmed", 0)],
            "ann", At),
        new SnapshotMarker(4929, At, false, new MarkedTreeHead(4929, Hash)),
        new AreaPageData("Election", 4929, At, "Counting", null, new PageTreeHead(4929, Hash, At), new PageArea("Kyrgyz Republic", "/en/"),
            new ContestTable("list", "List", ContestKind.PartyList, [new SourceProgress("hand", "Hand", true, 1, 2, 3, 4, 5, 6, 0)], 0,
                [new ChoiceRow("p01", "Ata Meken", 1, "#123456", [5], [3.51m], 2, true)], "5%", 5m, [new SeatGroup("p01", "Ata Meken", "#123456", 2)],
                null, [new LineRow("valid", "Valid", [478])], new ReconciliationSummary("1 differs", 1, "/en/discrepancies/")),
            [], [new ChildRow("d01", "Leilek", "/en/area/d01/", [1, 74], 74, "Ata Meken 3.51%")], ["Machine", "Hand"]),
        new SingleMemberPageData(4929, At, "Counting", [
            new DistrictResult("sm-01", "District 1", "em-01", "/en/area/em-01/", "hand", true, 70, 74, "elected",
                new DistrictCandidate("c0101", "A. Candidate", "p01", 5120), new DistrictCandidate("c0102", "B. Candidate", null, 4800), 320)])
        {
            TreeHead = new PageTreeHead(4929, Hash, At),
        },
        new LedgerPageData(4929, "machine", "hand", new Tolerance(0, 0.5m), "summary",
            [new LedgerLevel("region", "Regions", [new LedgerRow("batken", "Batken", "/en/area/batken/", 1, 1, 0, 0, 214, 0)])],
            [new RecountRow(1, "s0001", "/en/station/s0001/", "List", "differ", "dec-01", At, null)],
            [new StationDifference("s0002", "list", "one-side-missing", null, 1, 0, [], [])])
        {
            PartyCopies = [new PartyCopyComparison(
                "copy-p03", "p03", "hand", 2, 1, 1, 10, [new StationDifference("s0003", "list", "discrepancy", 1, 1, 10, [0], [-5, 5])])
            {
                Waiting = 1,
            }],
        },
        new ForensicsReport(4929, "kg-2021", "list", "hand", "kg", 2494, 2494, "p21",
            new IntegerPercentages(
                new IntegerTest(2494, 172, 186.355, -14.355, 0.9005, 0.9327, -1.185, 200),
                new IntegerTest(2417, 528, 522.8, 5.2, 0.3831, 0.4382, 0.3, 200),
                [new ChoiceIntegerTest("p21", 17.3, new IntegerTest(2417, 528, 522.8, 5.2, 0.3831, 0.4382, 0.3, 200))],
                0.025,
                false),
            [new AreaIntegerPercentages("batken", new IntegerTest(180, 12, 13.1, -1.1, 0.7, 0.76, -0.4, 200),
                new IntegerTest(175, 40, 38.2, 1.8, 0.4, 0.47, 0.3, 200))],
            new RateDistributions(0.1, [0, 1, 2], [2, 1, 0], 1, [[0, 1], [1, 0]]),
            [new FlaggedStation("s0001", ["counts-differ"], 1320, 612, 46.36, 17.3)],
            [new ForensicMethod("integer-percentages", "Integer-percentage test", "Kobak, Shpilkin, Pshenichnikov 2016", "shows",
                "cannot show", new Dictionary<string, double> { ["replicates"] = 200 })]),
        (IReadOnlyList<FormRelation>)[new FormRelation("valid_equals_votes", "valid = votes(*)", null, true, "=", new FormSide([[9, 1]], []),
            new FormSide([], [[0, 1], [1, 1]]))],
    ];
}
