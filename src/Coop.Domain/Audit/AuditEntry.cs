using Coop.Domain.Tenancy;

namespace Coop.Domain.Audit;

/// <summary>
/// One line of a cooperative's audit log: who did what, when, and the before/after where it matters. Written in
/// the same transaction as the change; never updated or deleted. Operators' actions on a cooperative land here too,
/// so its admins see them.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry() => ActorName = Action = Summary = string.Empty;

    public AuditEntry(Guid? actorUserId, string actorName, string action, Guid? subjectId, string summary, string? before, string? after, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        SubjectId = subjectId;
        Summary = summary;
        Before = before;
        After = after;
        At = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; }
    /// <summary>A stable code such as <c>member.approved</c>; the interface translates it.</summary>
    public string Action { get; private set; }
    public Guid? SubjectId { get; private set; }
    public string Summary { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    /// <summary>
    /// Erasure: the log keeps what happened, but every mention of the person (by name or address) now reads as their
    /// pseudonym. The only change ever made to a log line.
    /// </summary>
    public bool Redact(IReadOnlyCollection<string> mentions, string pseudonym)
    {
        var changed = false;
        string R(string text)
        {
            foreach (var m in mentions.Where(m => m.Length > 0))
                if (text.Contains(m, StringComparison.OrdinalIgnoreCase)) { text = text.Replace(m, pseudonym, StringComparison.OrdinalIgnoreCase); changed = true; }
            return text;
        }
        ActorName = R(ActorName);
        Summary = R(Summary);
        if (Before is not null) Before = R(Before);
        if (After is not null) After = R(After);
        return changed;
    }
}
