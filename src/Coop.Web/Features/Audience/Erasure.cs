using Coop.Data;
using Coop.Domain.Audience;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>
/// The right to erasure, done so it is irreversible and leaves the books whole. A contact is deleted: their consent
/// ledger lines stay and point to nobody. A member is pseudonymised: the row stays (the register of associates, the
/// journal entries, the ballots and the minutes point to it, and French law keeps accounts ten years), but what named
/// or described the person goes: their name, their posts' and comments' text, their notifications, thanks and
/// invitations, and every mention of their name or address in the audit log and privacy requests.
/// Runs in one transaction: all of it happens, or none.
/// </summary>
public sealed class Erasure(CoopDbContext db, ConsentBook consents, AuditLog audit, TimeProvider clock)
{
    public static string ContactPseudonym(Guid contactId) => "contact #" + contactId.ToString("N")[^6..].ToUpperInvariant();

    public async Task EraseContactAsync(Contact contact, string why, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await InTransactionAsync(async () =>
        {
            await ForgetContactAsync(contact, ct);
            audit.Record("personal.erased", contact.Id, why);
        }, ct);
    }

    public async Task PseudonymiseMemberAsync(Member member, string why, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.PseudonymisedAt is not null) return;
        await InTransactionAsync(async () =>
        {
            await ForgetMemberAsync(member, ct);
            audit.Record("personal.pseudonymised", member.Id, why);
        }, ct);
    }

    /// <summary>Within the caller's transaction (the retention job erases many at once).</summary>
    internal async Task ForgetContactAsync(Contact contact, CancellationToken ct)
    {
        var pseudonym = ContactPseudonym(contact.Id);
        await consents.WithdrawAllAsync(contact, ConsentChannel.Retention, "erasure", ct);
        // Contacts are never named in the audit log (entries carry their id), so only privacy requests mention them.
        await RedactAsync([contact.Name, contact.Email], pseudonym, contact.Id, auditLog: false, ct);
        await ForgetMailsAsync(contact.Email, ct);
        db.Contacts.Remove(contact);
    }

    internal async Task ForgetMemberAsync(Member member, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = member.Id;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == member.UserId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(ct);
        var mentions = new[] { member.DisplayName, user.DisplayName, user.Email ?? "" }.Where(m => m.Length >= 3).Distinct().ToArray();
        var pseudonym = member.Pseudonym;
        member.Pseudonymise(pseudonym, now);

        var posts = await db.Posts.Where(p => p.AuthorId == id).ToListAsync(ct);
        foreach (var post in posts) post.Delete(now);
        var postIds = posts.Select(p => p.Id).ToList();
        await db.PostRevisions.Where(r => postIds.Contains(r.PostId)).ExecuteDeleteAsync(ct);
        foreach (var comment in await db.Comments.Where(c => c.AuthorId == id).ToListAsync(ct)) comment.Delete(now);
        await db.Notifications.Where(n => n.MemberId == id || n.ActorId == id).ExecuteDeleteAsync(ct);
        await db.NotificationPreferences.Where(p => p.MemberId == id).ExecuteDeleteAsync(ct);
        await db.Thanks.Where(t => t.FromMemberId == id || t.ToMemberId == id).ExecuteDeleteAsync(ct);
        await db.Reports.Where(r => r.ReporterId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Details, (string?)null), ct);
        if (user.Email is { } email)
        {
            await db.Invitations.Where(i => i.Email == email).ExecuteDeleteAsync(ct);
            await ForgetMailsAsync(email, ct);
            var normalized = Contact.NormalizeEmail(email);
            foreach (var contact in await db.Contacts.Where(c => c.MemberId == id || c.EmailNormalized == normalized).ToListAsync(ct))
                await ForgetContactAsync(contact, ct);
        }
        await RedactAsync(mentions, pseudonym, id, auditLog: true, ct);
    }

    /// <summary>The cooperative's mails to the person, sent or waiting: their text names them.</summary>
    private async Task ForgetMailsAsync(string email, CancellationToken ct)
    {
        var tenantId = db.TenantId;
        await db.OutboxMessages.Where(m => m.TenantId == tenantId && m.To == email).ExecuteDeleteAsync(ct);
    }

    private async Task RedactAsync(string[] mentions, string pseudonym, Guid subjectId, bool auditLog, CancellationToken ct)
    {
        if (mentions.Length == 0) return;
        if (auditLog)
        {
            // The database narrows the log to lines that mention the person (as written); the redaction itself also
            // catches other cases of the same words.
            var candidates = new List<Domain.Audit.AuditEntry>();
            foreach (var mention in mentions)
                candidates.AddRange(await db.AuditEntries.Where(e => e.ActorName.Contains(mention) || e.Summary.Contains(mention)
                    || (e.Before != null && e.Before.Contains(mention)) || (e.After != null && e.After.Contains(mention))).ToListAsync(ct));
            foreach (var entry in candidates.Distinct()) entry.Redact(mentions, pseudonym);
        }
        var addresses = mentions.Select(m => m.ToLowerInvariant()).ToList();
        // Translated to SQL lower(): the culture-free overloads the analysers prefer are not translatable.
#pragma warning disable CA1304, CA1311, CA1862
        foreach (var request in await db.PrivacyRequests
                     .Where(r => r.SubjectId == subjectId || addresses.Contains(r.Email.ToLower()) || mentions.Contains(r.SubjectLabel)).ToListAsync(ct))
#pragma warning restore CA1304, CA1311, CA1862
            request.Forget(pseudonym);
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
