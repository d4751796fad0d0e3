using Coop.Domain.Tenancy;

namespace Coop.Domain.Governance;

public enum AssemblyStatus
{
    /// <summary>Being prepared: agenda editable, nothing sent.</summary>
    Draft = 1,
    /// <summary>Convocation sent: voter list frozen, proxies and votes by correspondence accepted.</summary>
    Convened = 2,
    /// <summary>The meeting is under way: attendance, resolutions opened and closed by the chair.</summary>
    InSession = 3,
    /// <summary>Closed: minutes generated, waiting for signatures or signed.</summary>
    Closed = 4,
}

/// <summary>
/// A general assembly (ordinary or extraordinary), on first or second convocation. Its agenda is a list of
/// resolutions (<see cref="Vote"/> with this assembly's id). The minutes are generated at the close and become
/// immutable once the chair and the secretary have both signed.
/// </summary>
public sealed class Assembly : ITenantOwned
{
    /// <summary>Common statutory notice: fifteen days before the meeting (check the cooperative's statutes).</summary>
    public const int DefaultNoticeDays = 15;

    private Assembly() => Title = string.Empty;

    public Assembly(string title, DecisionType type, Convocation convocation, DateTimeOffset scheduledAt, string? place, string? onlineLink,
        string? documents, bool correspondenceVoting, int noticeDays, Guid? firstConvocationId, DateTimeOffset now)
    {
        if (type is not (DecisionType.OrdinaryAssembly or DecisionType.ExtraordinaryAssembly))
            throw new ArgumentOutOfRangeException(nameof(type), "An assembly is ordinary or extraordinary.");
        Id = Guid.CreateVersion7(now);
        Title = title.Trim();
        Type = type;
        Convocation = convocation;
        FirstConvocationId = firstConvocationId;
        CreatedAt = now;
        Status = AssemblyStatus.Draft;
        Reschedule(scheduledAt, place, onlineLink, documents, correspondenceVoting, noticeDays);
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public DecisionType Type { get; private set; }
    public Convocation Convocation { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public string? Place { get; private set; }
    public string? OnlineLink { get; private set; }
    /// <summary>Document links, one per line ("label | url" or a bare url).</summary>
    public string? Documents { get; private set; }
    public bool CorrespondenceVoting { get; private set; }
    public int NoticeDays { get; private set; }
    /// <summary>For a second convocation, the assembly whose quorum failed.</summary>
    public Guid? FirstConvocationId { get; private set; }
    public AssemblyStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConvenedAt { get; private set; }
    public DateTimeOffset? SessionOpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ChairId { get; private set; }
    public Guid? SecretaryId { get; private set; }
    public int EligibleCount { get; private set; }
    public string? Minutes { get; private set; }
    public DateTimeOffset? ChairSignedAt { get; private set; }
    public DateTimeOffset? SecretarySignedAt { get; private set; }
    /// <summary>Set when the quorum failed and a second convocation was called.</summary>
    public Guid? SecondConvocationId { get; private set; }

    public bool MinutesSigned => ChairSignedAt is not null && SecretarySignedAt is not null;

    /// <summary>Days between the convocation and the meeting; fewer than <see cref="NoticeDays"/> earns a warning.</summary>
    public bool NoticeShort(DateTimeOffset now) => ScheduledAt - now < TimeSpan.FromDays(NoticeDays);

    public void Reschedule(DateTimeOffset scheduledAt, string? place, string? onlineLink, string? documents, bool correspondenceVoting, int noticeDays)
    {
        Require(AssemblyStatus.Draft);
        if (string.IsNullOrWhiteSpace(place) && string.IsNullOrWhiteSpace(onlineLink))
            throw new ArgumentException("An assembly needs a place or an online link.", nameof(place));
        ScheduledAt = scheduledAt;
        Place = Clean(place);
        OnlineLink = Clean(onlineLink);
        Documents = Clean(documents);
        CorrespondenceVoting = correspondenceVoting;
        NoticeDays = Math.Max(0, noticeDays);
    }

    public void Convene(int eligible, DateTimeOffset now)
    {
        Require(AssemblyStatus.Draft);
        EligibleCount = eligible;
        ConvenedAt = now;
        Status = AssemblyStatus.Convened;
    }

    public void OpenSession(Guid chairId, Guid secretaryId, DateTimeOffset now)
    {
        Require(AssemblyStatus.Convened);
        ChairId = chairId;
        SecretaryId = secretaryId;
        SessionOpenedAt = now;
        Status = AssemblyStatus.InSession;
    }

    public void Close(string minutes, DateTimeOffset now)
    {
        Require(AssemblyStatus.InSession);
        Minutes = minutes;
        ClosedAt = now;
        Status = AssemblyStatus.Closed;
    }

    /// <summary>The quorum failed: the meeting ends without deciding, pointing to its second convocation.</summary>
    public void Adjourn(Guid secondConvocationId, string minutes, DateTimeOffset now)
    {
        Close(minutes, now);
        SecondConvocationId = secondConvocationId;
    }

    /// <summary>The secretary may correct the generated text until the first signature.</summary>
    public void AmendMinutes(string minutes)
    {
        Require(AssemblyStatus.Closed);
        if (ChairSignedAt is not null || SecretarySignedAt is not null) throw new AssemblyStateException(AssemblyStateError.MinutesSigned);
        Minutes = minutes;
    }

    public void Sign(Guid memberId, DateTimeOffset now)
    {
        Require(AssemblyStatus.Closed);
        if (memberId == ChairId && ChairSignedAt is null) ChairSignedAt = now;
        else if (memberId == SecretaryId && SecretarySignedAt is null) SecretarySignedAt = now;
        else throw new AssemblyStateException(memberId == ChairId || memberId == SecretaryId ? AssemblyStateError.AlreadySigned : AssemblyStateError.NotASignatory);
    }

    private void Require(AssemblyStatus status)
    {
        if (Status != status) throw new AssemblyStateException(status switch
        {
            AssemblyStatus.Draft => AssemblyStateError.AlreadyConvened,
            AssemblyStatus.Convened => Status == AssemblyStatus.Draft ? AssemblyStateError.NotConvened : AssemblyStateError.AlreadyInSession,
            AssemblyStatus.InSession => Status == AssemblyStatus.Closed ? AssemblyStateError.AssemblyClosed : AssemblyStateError.NotInSession,
            _ => AssemblyStateError.NotClosed,
        });
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public enum AssemblyStateError
{
    AlreadyConvened = 1,
    NotConvened,
    AlreadyInSession,
    NotInSession,
    AssemblyClosed,
    NotClosed,
    MinutesSigned,
    AlreadySigned,
    NotASignatory,
}

public sealed class AssemblyStateException(AssemblyStateError error) : InvalidOperationException($"Assembly state: {error}.")
{
    public AssemblyStateError Error { get; } = error;
}

public enum Attendance
{
    Absent = 0,
    Present = 1,
    Remote = 2,
}

/// <summary>
/// A member on an assembly's list, frozen at the convocation: attendance, whether they voted by correspondence, and
/// how many proxies they hold (a concurrency token, so two proxies racing to the same holder cannot pass the cap).
/// </summary>
public sealed class AssemblyAttendee : ITenantOwned
{
    private AssemblyAttendee() { }

    public AssemblyAttendee(Guid assemblyId, Guid memberId, Guid? collegeId)
    {
        Id = Guid.CreateVersion7();
        AssemblyId = assemblyId;
        MemberId = memberId;
        CollegeId = collegeId;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AssemblyId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid? CollegeId { get; private set; }
    public Attendance Attendance { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public bool VotedByCorrespondence { get; private set; }
    public int ProxiesHeld { get; private set; }

    public void CheckIn(Attendance attendance, DateTimeOffset now)
    {
        Attendance = attendance;
        CheckedInAt = attendance == Attendance.Absent ? null : CheckedInAt ?? now;
    }

    public void MarkCorrespondence() => VotedByCorrespondence = true;

    public void HoldProxy() => ProxiesHeld++;

    public void ReleaseProxy() => ProxiesHeld = Math.Max(0, ProxiesHeld - 1);
}

/// <summary>A proxy for one assembly: to a named member, or blank (to the chair, counted as the statutes say).</summary>
public sealed class ProxyGrant : ITenantOwned
{
    private ProxyGrant() { }

    public ProxyGrant(Guid assemblyId, Guid giverId, Guid? holderId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        AssemblyId = assemblyId;
        GiverId = giverId;
        HolderId = holderId;
        GrantedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AssemblyId { get; private set; }
    public Guid GiverId { get; private set; }
    /// <summary>Null for a blank proxy.</summary>
    public Guid? HolderId { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool Active => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
