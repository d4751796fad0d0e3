using Coop.Domain.Tenancy;

namespace Coop.Domain.Audience;

/// <summary>What one run of the retention job did in one cooperative; every run is kept, even one that did nothing.</summary>
public sealed class RetentionRun : ITenantOwned
{
    private RetentionRun() { }

    public RetentionRun(DateTimeOffset now, int reconsentRequested, int contactsDeleted, int membersPseudonymised)
    {
        Id = Guid.CreateVersion7(now);
        At = now;
        ReconsentRequested = reconsentRequested;
        ContactsDeleted = contactsDeleted;
        MembersPseudonymised = membersPseudonymised;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int ReconsentRequested { get; private set; }
    public int ContactsDeleted { get; private set; }
    public int MembersPseudonymised { get; private set; }
}

/// <summary>The periods the retention job applies (CNIL's guidance for prospects: three years after the last contact).</summary>
public static class RetentionRules
{
    public static readonly TimeSpan ContactInactivity = TimeSpan.FromDays(3 * 365);
    /// <summary>How long a re-consent request waits for an answer before the contact is deleted.</summary>
    public static readonly TimeSpan ReconsentGrace = TimeSpan.FromDays(30);

    public static bool NeedsReconsent(Contact contact, DateTimeOffset now) =>
        contact.ReconsentRequestedAt is null && now - contact.LastActiveAt > ContactInactivity;

    public static bool MustBeDeleted(Contact contact, DateTimeOffset now) =>
        contact.ReconsentRequestedAt is { } asked && now - asked > ReconsentGrace && contact.LastActiveAt < asked;
}

/// <summary>
/// First-party, cookieless audience figures: how many times a page (its route, never its address, so no id or token
/// is kept) was shown in a day. No IP address, user, cookie or referrer is stored.
/// </summary>
public sealed class PageViewCount : ITenantOwned
{
    public const int PageMax = 200;

    private PageViewCount() => Page = string.Empty;

    public PageViewCount(DateOnly day, string page, long views)
    {
        Id = Guid.NewGuid();
        Day = day;
        Page = page;
        Views = views;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public DateOnly Day { get; private set; }
    public string Page { get; private set; }
    public long Views { get; private set; }
}

public enum ImportStatus { Uploaded, Done }

/// <summary>
/// A CSV file waiting to be mapped and imported, kept in the cooperative's own rows (never on a shared disk). Its
/// content is dropped once imported; the counts stay as the import's record.
/// </summary>
public sealed class ContactImport : ITenantOwned
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private ContactImport() { FileName = Headers = CreatedBy = string.Empty; Content = []; }

    public ContactImport(string fileName, byte[] content, string headers, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        FileName = fileName.Length > 200 ? fileName[..200] : fileName;
        Content = content;
        Headers = headers;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string FileName { get; private set; }
    public byte[] Content { get; private set; }
    /// <summary>The header row's names, as JSON.</summary>
    public string Headers { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public ImportStatus Status { get; private set; }
    public int Inserted { get; private set; }
    public int Updated { get; private set; }
    public int Skipped { get; private set; }
    public int Consents { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public void Complete(int inserted, int updated, int skipped, int consents, DateTimeOffset now)
    {
        if (Status == ImportStatus.Done) throw new AudienceException("Audience.ImportAlreadyDone");
        Status = ImportStatus.Done;
        Inserted = inserted;
        Updated = updated;
        Skipped = skipped;
        Consents = consents;
        Content = [];
        CompletedAt = now;
    }
}
