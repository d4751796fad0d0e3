using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Coop.Web.Infrastructure;

/// <summary>
/// CSV downloads for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents), a header row, and cells
/// that would start a formula (=, +, -, @...) escaped by CsvHelper, so an export can never run code in the
/// accountant's spreadsheet.
/// </summary>
public static class CsvExport
{
    public static FileContentResult File(string[] header, IEnumerable<string?[]> rows, string fileName) =>
        new(Bytes(header, rows), "text/csv; charset=utf-8") { FileDownloadName = fileName };

    public static byte[] Bytes(string[] header, IEnumerable<string?[]> rows)
    {
        var options = new CsvWriterOptions
        {
            HasHeader = false,
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows) csv.WriteRecord(row.Select(cell => cell ?? string.Empty).ToArray());
            csv.Flush();
        }
        return buffer.ToArray();
    }

    public static string Amount(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
