using Sanoo.Core.Definitions;
using Sanoo.Log;

namespace Sanoo.Storage.Tests;

/// <summary>Senders are a closed type, but the log stores and publishes exactly the texts it always did.</summary>
public class SenderTests
{
    public static TheoryData<Sender, string> Texts => new()
    {
        { new Sender.Device(new AreaId("s0001")), "device:s0001" },
        { new Sender.Operator("dec-01"), "operator:dec-01" },
        { new Sender.DoubleEntry("d21-a", "d21-b"), "entries:d21-a+d21-b" },
        { new Sender.MatchedEntry("d21-b"), "entries:d21-b" },
        { new Sender.File("hand.jsonl"), "file:hand.jsonl" },
        { new Sender.Named("bench"), "bench" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Each_sender_has_the_text_stored_before_and_reads_back_from_it(Sender sender, string text)
    {
        Assert.Equal(text, sender.Text);
        Assert.Equal(text, sender.ToString());
        Assert.Equal(sender, Sender.Parse(text));
    }

    [Theory]
    [InlineData("device:not a station")]
    [InlineData("device:")]
    [InlineData("operator:")]
    [InlineData("entries:a+b+c")]
    [InlineData("entries:+b")]
    [InlineData("file:")]
    [InlineData("")]
    [InlineData("writer-3")]
    [InlineData("operator:a+b")]
    public void Any_stored_text_reads_back_to_a_sender_with_exactly_that_text(string text) =>
        Assert.Equal(text, Sender.Parse(text).Text);
}
