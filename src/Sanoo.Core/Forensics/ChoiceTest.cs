using Sanoo.Core.Definitions;

namespace Sanoo.Core.Forensics;

/// <summary>The integer-percentage test of one choice's share of the voters who took part.</summary>
/// <param name="Choice">The choice.</param>
/// <param name="SharePercent">Its share in the area, 100 × votes / took part.</param>
/// <param name="Test">The test.</param>
public sealed record ChoiceTest(ChoiceId Choice, double SharePercent, IntegerTestResult Test);

/// <summary>The integer tests of turnout and the leader's share within one area below the report's area.</summary>
/// <param name="Area">The area.</param>
/// <param name="Turnout">The test of turnout.</param>
/// <param name="LeaderShare">The test of the report's leader's share.</param>
public sealed record AreaIntegerTests(AreaId Area, IntegerTestResult Turnout, IntegerTestResult LeaderShare);
