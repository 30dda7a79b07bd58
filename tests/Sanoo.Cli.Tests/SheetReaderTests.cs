using Sanoo.Cli.Sheets;
using Sanoo.Samples.Kyrgyzstan2021;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The QR code of a drawn sheet reads back exactly from photos taken in poor conditions: turned any way, from 0.4 to 2 times the
/// sheet's size, blurred up to 2 sheet pixels (0.3 of a module) with heavy noise, or 3 without. What is not read (measured while
/// writing these): a blur of 3 sheet pixels together with noise of ±30 at JPEG quality 50.
/// </summary>
public sealed class SheetReaderTests
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();

    private static readonly Lazy<(string Text, byte[] Png)> Sheet = new(() =>
    {
        var machine = Sample.Machine.First(p => p.Station.Value == "s0003");
        var payload = new SheetPayload(machine, [.. Enumerable.Range(0, 64).Select(i => (byte)(255 - i))]);
        return (payload.Encode(), SheetRenderer.RenderPng(Sample.Election, payload, "ru").Png);
    });

    [Theory]
    [InlineData(0, 1.0f, 0.1f, 0, 95)]
    [InlineData(4, 0.55f, 1.2f, 28, 60)]
    [InlineData(-8, 0.5f, 1.0f, 20, 60)]
    [InlineData(90, 0.6f, 0.8f, 20, 70)]
    [InlineData(180, 0.5f, 1.0f, 20, 70)]
    [InlineData(273, 0.45f, 0.8f, 15, 75)]
    [InlineData(2, 0.4f, 0.8f, 12, 80)]
    [InlineData(1, 2.0f, 1.5f, 30, 50)]
    [InlineData(1, 2.0f, 2.0f, 20, 70)]
    [InlineData(1, 2.0f, 3.0f, 0, 90)]
    [InlineData(1, 1.0f, 2.0f, 30, 50)]
    public void A_photo_turned_shrunk_blurred_and_noisy_reads_back_the_exact_payload(float degrees, float scale, float blur, int noise, int quality)
    {
        var photo = SheetPhoto.Take(Sheet.Value.Png, new SheetPhoto.Conditions(degrees, scale, blur, noise, quality));
        var (text, why) = SheetReader.Read(photo);
        Assert.True(text is not null, why);
        Assert.Equal(Sheet.Value.Text, text);
    }

    [Fact]
    public void The_sheet_names_every_line_and_choice_in_the_language_asked_and_its_qr_fits_the_page()
    {
        var machine = Sample.Machine.First(p => p.Station.Value == "s0003");
        var rows = SheetRenderer.Content(Sample.Election, new SheetPayload(machine, []), "ru");
        var plan = Sample.Election.DefaultContest;
        Assert.Equal(plan.Form.Lines.Length, rows.Count(r => r.Kind == SheetRenderer.RowKind.Figure) - plan.Choices.Length);
        var first = machine.Lines[0].ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(rows, r => r.Left == plan.Form.Lines[0].Name.In("ru") && r.Right == first);
        Assert.Contains(rows, r => r.Left.EndsWith(plan.Choices[0].Name.In("ru"), StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Left == "Не подписан устройством участка");
        Assert.Contains(rows, r => r.Left == "Протокол об итогах голосования" && r.Kind == SheetRenderer.RowKind.Section);
        Assert.DoesNotContain(
            rows, r => r.Left.Contains("Version", StringComparison.Ordinal) || r.Left.Contains("Station", StringComparison.Ordinal));
    }
}
