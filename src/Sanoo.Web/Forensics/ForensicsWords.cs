using Sanoo.Core.Forensics;
using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Forensics;

/// <summary>
/// The words of the forensics page and of the flags on station pages, in one language. Official terms follow the terminology
/// research (turnout: явка / катышуу; polling station: избирательный участок / шайлоо участогу; voters who took part: принявшие
/// участие / катышкан шайлоочулар); the statistical terms have no official Kyrgyz or Russian form and are proposals (docs/forensics.md):
/// statistical anomalies (статистические аномалии / статистикалык аномалиялар), integer percentages (целые проценты / бүтүн
/// пайыздар), leader's share (доля лидера / лидердин үлүшү), comet (комета).
/// </summary>
public sealed record ForensicsWords(
    string Title,
    string Intro,
    string BasedOnFormat,
    string IntegerHeading,
    string IntegerIntro,
    string Test,
    string Stations,
    string Observed,
    string Expected,
    string Excess,
    string PValue,
    string Turnout,
    string ShareOfFormat,
    string AlarmFormat,
    string NoAlarmFormat,
    string CometHeading,
    string CometIntro,
    string LeaderShare,
    string TurnoutHistogram,
    string LeaderShareHistogram,
    string FlagsHeading,
    string FlagsIntro,
    string FlagsNone,
    string FlagsShownFormat,
    string Reasons,
    string AreasHeading,
    string Area,
    string MethodsHeading,
    string Methods,
    IReadOnlyList<string> ReasonNames)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static ForensicsWords For(string language) => WordCatalogs.For<ForensicsWords>(language);

    /// <summary>A reason in words.</summary>
    public string Reason(FlagReason reason) => ReasonNames[(int)reason];
}
