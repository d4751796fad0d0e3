using Coop.Domain.Tenancy;

namespace Coop.Domain.Charter;

/// <summary>
/// One version of a cooperative's charter, in Markdown. Drafts can be edited; publishing gives the next number
/// (unique per cooperative, so two admins publishing at once cannot both make "version 3") and freezes the text.
/// </summary>
public sealed class CharterVersion : ITenantOwned
{
    public const int MaxLength = 100_000;

    private CharterVersion() => Markdown = string.Empty;

    public CharterVersion(string markdown, Guid authorId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Markdown = markdown;
        AuthorId = authorId;
        CreatedAt = UpdatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>1, 2, 3... once published; null while a draft.</summary>
    public int? Number { get; private set; }
    public string Markdown { get; private set; }
    public string? ChangeSummary { get; private set; }
    public Guid AuthorId { get; private set; }
    public Guid? PublishedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsDraft => Number is null;

    public void Edit(string markdown, DateTimeOffset now)
    {
        if (!IsDraft) throw new InvalidOperationException("A published charter version cannot change.");
        Markdown = markdown;
        UpdatedAt = now;
    }

    public void Publish(int number, string changeSummary, Guid publisherId, DateTimeOffset now)
    {
        if (!IsDraft) throw new InvalidOperationException("This version is already published.");
        Number = number;
        ChangeSummary = changeSummary.Trim();
        PublishedById = publisherId;
        PublishedAt = now;
    }
}

/// <summary>A member's acceptance of one published charter version: who, which version, when.</summary>
public sealed class CharterAcceptance : ITenantOwned
{
    private CharterAcceptance() { }

    public CharterAcceptance(Guid memberId, Guid charterVersionId, int versionNumber, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        MemberId = memberId;
        CharterVersionId = charterVersionId;
        VersionNumber = versionNumber;
        AcceptedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid CharterVersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }
}
