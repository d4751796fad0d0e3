using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Coop.Domain.Audience;
using CsvHelper;

namespace Coop.Web.Features.Audience;

/// <summary>The file's encoding, as the person says it is (Excel in French saves Windows-1252).</summary>
public enum ImportEncoding { Utf8, Windows1252 }

/// <summary>Which column (0-based) holds each field; only the e-mail is required.</summary>
public sealed record ImportMapping(int Email, int? Name, int? Phone, int? PostalCode, int? Tags, int? ConsentDate, int? ConsentSource);

/// <summary>A line that passed every check, normalised and ready to write.</summary>
public sealed record ImportRow(int Line, string Email, string EmailNormalized, string? Name, string? Phone, string? PostalCode, string Tags,
    DateTimeOffset? ConsentAt, string? ConsentSource);

/// <summary>What is wrong with one line: a resource key and its arguments (never the whole line, which may be huge).</summary>
public sealed record ImportProblem(int Line, string Key, params object[] Args);

public sealed record ImportReading(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems, int Lines);

/// <summary>
/// Reads an uploaded contacts CSV with CsvHelper: separator detected (, ; tab |), encoding checked rather than
/// guessed, every line checked and normalised, addresses de-duplicated within the file. Reading never writes; the
/// same reading serves the dry run and the import, so what the dry run shows is what the import does.
/// </summary>
public static class ContactCsv
{
    /// <summary>A line longer than this is refused as a whole (a 10 MB line is not a contact).</summary>
    public const int MaxLineBytes = 64 * 1024;
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "dd/MM/yyyy HH:mm"];

    static ContactCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<string> Headers(byte[] content, ImportEncoding encoding)
    {
        using var reader = Open(Utf8(content, encoding));
        try
        {
            var headers = reader.Headers.Select(h => h.Trim()).ToList();
            if (headers.Count == 0 || headers.All(h => h.Length == 0)) throw new AudienceException("Import.NoHeader");
            if (headers.Any(h => h.Length > 200)) throw new AudienceException("Import.HeaderTooLong");
            return headers;
        }
        catch (CsvFormatException) { throw new AudienceException("Import.Unreadable"); }
    }

    public static ImportReading Read(byte[] content, ImportEncoding encoding, ImportMapping mapping, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var malformed = new HashSet<long>();
        using var reader = Open(Utf8(content, encoding), r => malformed.Add(r.RecordNumber));
        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = 0;
        try
        {
            if (mapping.Email >= reader.Headers.Count) throw new AudienceException("Import.MappingInvalid");
            while (reader.Read())
            {
                ct.ThrowIfCancellationRequested();
                lines++;
                var line = (int)reader.LineNumber;
                // Malformed records are numbered counting the header; data rows are not.
                if (malformed.Contains(reader.Current.RowNumber + 1)) { problems.Add(new(line, "Import.Malformed")); continue; }
                var row = Check(reader, mapping, line, now, problems);
                if (row is null) continue;
                if (seen.TryGetValue(row.EmailNormalized, out var first)) { problems.Add(new(line, "Import.DuplicateInFile", first)); continue; }
                seen[row.EmailNormalized] = line;
                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            problems.Add(new((int)Math.Max(ex.LineNumber, lines + 2), "Import.LineTooLong", MaxLineBytes / 1024));
        }
        return new ImportReading(rows, problems, lines);
    }

    private static ImportRow? Check(CsvReader reader, ImportMapping map, int line, DateTimeOffset now, List<ImportProblem> problems)
    {
        string Field(int? index) => index is { } i && i < reader.FieldCount ? reader.GetString(i).Trim() : string.Empty;
        var before = problems.Count;
        var email = Field(map.Email);
        var normalized = Contact.NormalizeEmail(email);
        if (email.Length == 0) problems.Add(new(line, "Import.EmailMissing"));
        else if (normalized is null) problems.Add(new(line, "Import.EmailInvalid", Excerpt(email)));
        var name = Field(map.Name);
        if (name.Length > Contact.NameMax) problems.Add(new(line, "Import.TooLong", "nom", Contact.NameMax));
        var phone = Field(map.Phone);
        if (phone.Length > Contact.PhoneMax || phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')')))
            problems.Add(new(line, "Import.PhoneInvalid", Excerpt(phone)));
        var postal = Field(map.PostalCode);
        if (postal.Length > Contact.PostalCodeMax) problems.Add(new(line, "Import.TooLong", "code postal", Contact.PostalCodeMax));
        var tags = Field(map.Tags);
        if (tags.Length > Contact.TagsMax) problems.Add(new(line, "Import.TooLong", "tags", Contact.TagsMax));
        var date = Field(map.ConsentDate);
        var source = Field(map.ConsentSource);
        DateTimeOffset? consentAt = null;
        if (date.Length > 0)
        {
            if (DateTimeOffset.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                consentAt = at;
            else problems.Add(new(line, "Import.DateInvalid", Excerpt(date)));
            if (consentAt > now) problems.Add(new(line, "Import.DateInFuture", date));
        }
        if (source.Length > ConsentRecord.EvidenceMax) problems.Add(new(line, "Import.TooLong", "source", ConsentRecord.EvidenceMax));
        if ((date.Length > 0) != (source.Length > 0)) problems.Add(new(line, "Import.ProofIncomplete"));
        if (problems.Count > before) return null;
        return new ImportRow(line, email, normalized!, name.Length > 0 ? name : null, phone.Length > 0 ? phone : null,
            Contact.NormalizePostalCode(postal), Contact.JoinTags(Contact.ParseTags(tags)), consentAt, source.Length > 0 ? source : null);
    }

    private static string Excerpt(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static CsvReader Open(byte[] utf8, Action<CsvMalformedRecord>? malformed = null) =>
        CsvReader.Create(new MemoryStream(utf8, writable: false), new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            MaxRecordSize = MaxLineBytes,
            TrimWhitespace = true,
            OnMalformedRecord = malformed is null ? null : r => malformed(r),
            IncludeValuesInExceptions = false,
        }, leaveOpen: false);

    /// <summary>UTF-8 bytes to read, or a clear refusal: a Latin-1 file read as UTF-8 would silently corrupt every accent.</summary>
    private static byte[] Utf8(byte[] content, ImportEncoding encoding)
    {
        if (content.Length == 0) throw new AudienceException("Import.Empty");
        if (encoding == ImportEncoding.Windows1252) return Encoding.UTF8.GetBytes(Encoding.GetEncoding(1252).GetString(content));
        if (!Utf8Validation(content)) throw new AudienceException("Import.NotUtf8");
        return content;
    }

    private static bool Utf8Validation(byte[] content) => System.Text.Unicode.Utf8.IsValid(content);
}
