using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// The printable PDF of a sheet: one page, A4 wide (595 points) and as tall as the drawn sheet, holding the sheet's raster
/// (<see cref="SheetRenderer"/>) as its only content. The PDF draws no text of its own, so it needs no font: what it prints
/// is exactly the raster the tests photograph.
/// </summary>
public static class SheetPdf
{
    private const double PageWidth = 595;

    /// <summary>Writes the PDF of the sheet <paramref name="png"/> to <paramref name="path"/>, titled <paramref name="title"/>.</summary>
    public static void Write(string path, byte[] png, string title)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "sanoo protocol-sheet";
        var page = document.AddPage();
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        var height = PageWidth * image.PixelHeight / image.PixelWidth;
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(height);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawImage(image, 0, 0, PageWidth, height);
        }
        document.Save(path);
    }
}
