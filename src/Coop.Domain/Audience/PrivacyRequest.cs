using Coop.Domain.Tenancy;

namespace Coop.Domain.Audience;

public enum PrivacyRequestKind { Access, Rectification, Erasure, Restriction, Objection }

public enum PrivacySubject { Member, Contact, Unknown }

public enum PrivacyRequestStatus { Open, Done, Refused }

/// <summary>
/// A data-subject request (RGPD arts. 15 to 21; Loi 25) and its deadline: one month from receipt. Requests people
/// serve themselves (downloading their data, unsubscribing) are recorded as done at once; the others wait on the
/// admins' dashboard.
/// </summary>
public sealed class PrivacyRequest : ITenantOwned
{
    public const int DetailsMax = 2000;

    private PrivacyRequest() => SubjectLabel = Email = Details = string.Empty;

    public PrivacyRequest(PrivacyRequestKind kind, PrivacySubject subject, Guid? subjectId, string subjectLabel, string email, string details, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        Subject = subject;
        SubjectId = subjectId;
        SubjectLabel = subjectLabel.Trim();
        Email = email.Trim();
        Details = details.Trim();
        ReceivedAt = now;
        DueAt = now.AddMonths(1);
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public PrivacyRequestKind Kind { get; private set; }
    public PrivacySubject Subject { get; private set; }
    public Guid? SubjectId { get; private set; }
    public string SubjectLabel { get; private set; }
    public string Email { get; private set; }
    public string Details { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>One month after receipt (RGPD art. 12(3); 30 days under Loi 25, which this meets or beats).</summary>
    public DateTimeOffset DueAt { get; private set; }
    public PrivacyRequestStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? Answer { get; private set; }

    /// <summary>A request the person served themselves (their data downloaded, their erasure done): recorded as done at once.</summary>
    public static PrivacyRequest ServedAtOnce(PrivacyRequestKind kind, PrivacySubject subject, Guid subjectId, string subjectLabel, string email, string answer,
        DateTimeOffset now)
    {
        var request = new PrivacyRequest(kind, subject, subjectId, subjectLabel, email, string.Empty, now);
        request.Close(PrivacyRequestStatus.Done, "self-service", answer, now);
        return request;
    }

    public bool IsOverdue(DateTimeOffset now) => Status == PrivacyRequestStatus.Open && now > DueAt;

    public void Close(PrivacyRequestStatus status, string by, string? answer, DateTimeOffset now)
    {
        if (status == PrivacyRequestStatus.Open) throw new ArgumentOutOfRangeException(nameof(status));
        if (Status != PrivacyRequestStatus.Open) throw new AudienceException("Privacy.RequestClosed");
        Status = status;
        ClosedBy = by;
        Answer = string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        ClosedAt = now;
    }

    /// <summary>After an erasure, the request keeps its dates and outcome but no longer names the person.</summary>
    public void Forget(string pseudonym)
    {
        if (ClosedBy == SubjectLabel) ClosedBy = pseudonym;
        SubjectLabel = pseudonym;
        Email = string.Empty;
        Details = string.Empty;
    }
}
