using System.Globalization;
using System.Text;
using Coop.Domain.Treasury;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Treasury;

/// <summary>
/// The FEC (Fichier des écritures comptables) French tax auditors ask for: one line per journal line, tab-separated,
/// amounts with a comma, dates as yyyyMMdd, member sub-accounts as auxiliary accounts.
/// </summary>
public static class FecExport
{
    private static readonly string[] Columns =
    [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate",
        "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
    ];

    public static string Write(IEnumerable<(JournalEntry Entry, JournalLine Line)> rows, IReadOnlyDictionary<Guid, string> names, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(l);
        var text = new StringBuilder().AppendJoin('\t', Columns).Append("\r\n");
        foreach (var (entry, line) in rows)
        {
            var date = entry.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            string[] cells =
            [
                entry.Journal.ToString(), l["Journal." + entry.Journal], entry.Number.ToString(CultureInfo.InvariantCulture), date, line.Account, l["Account." + line.Account],
                line.MemberId?.ToString("N")[..12] ?? "", line.MemberId is { } m ? names.GetValueOrDefault(m, "") : "", entry.SourceId.ToString("N")[..12], date,
                entry.Label, Amount(line.DebitMinor), Amount(line.CreditMinor), "", "", entry.RecordedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture), "", "",
            ];
            text.AppendJoin('\t', cells.Select(c => c.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '))).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Amount(long minor) => (minor / 100m).ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"));
}
