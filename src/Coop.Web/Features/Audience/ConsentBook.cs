using Coop.Data;
using Coop.Domain.Audience;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>
/// The one way consent changes: a ledger line and the current state, in the caller's unit of work. Giving twice or
/// withdrawing twice changes nothing (and says so), so a double click or a replayed link is harmless.
/// </summary>
public sealed class ConsentBook(CoopDbContext db, TimeProvider clock)
{
    /// <summary>Returns false when the contact already consents to this purpose.</summary>
    public async Task<bool> GiveAsync(Contact contact, Purpose purpose, ConsentChannel channel, string evidence, DateTimeOffset? at, CancellationToken ct, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(purpose);
        if (purpose.Archived) throw new AudienceException("Audience.PurposeArchived");
        if (await db.ContactConsents.AnyAsync(c => c.ContactId == contact.Id && c.PurposeId == purpose.Id, ct)) return false;
        var now = clock.GetUtcNow();
        var record = ConsentRecord.Give(contact.Id, purpose.Id, version ?? purpose.CurrentVersion, channel, evidence, at ?? now, now);
        db.ConsentRecords.Add(record);
        db.ContactConsents.Add(new ContactConsent(contact.Id, purpose.Id, record.Id, record.Version, record.At));
        return true;
    }

    /// <summary>
    /// Returns false when there was no consent to withdraw. Campaign mails for this purpose still waiting in the outbox
    /// are withdrawn too: "never in a campaign" includes the one being sent.
    /// </summary>
    public async Task<bool> WithdrawAsync(Contact contact, Guid purposeId, ConsentChannel channel, string evidence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var current = await db.ContactConsents.FirstOrDefaultAsync(c => c.ContactId == contact.Id && c.PurposeId == purposeId, ct);
        if (current is null) return false;
        db.ContactConsents.Remove(current);
        db.ConsentRecords.Add(ConsentRecord.Withdraw(contact.Id, purposeId, current.Version, channel, evidence, clock.GetUtcNow()));
        await CancelQueuedMailsAsync(contact.Email, purposeId, ct);
        return true;
    }

    private async Task CancelQueuedMailsAsync(string email, Guid? purposeId, CancellationToken ct)
    {
        var campaigns = db.Campaigns.Join(db.Segments, c => c.SegmentId, s => s.Id, (c, s) => new { c.Id, s.PurposeId })
            .Where(x => purposeId == null || x.PurposeId == purposeId).Select(x => (Guid?)x.Id);
        var tenantId = db.TenantId;
        await db.OutboxMessages.Where(m => m.TenantId == tenantId && m.SentAt == null && m.To == email && campaigns.Contains(m.CampaignId))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>Erasure and retention: every consent ends, every queued campaign mail to the address goes.</summary>
    public async Task WithdrawAllAsync(Contact contact, ConsentChannel channel, string evidence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var now = clock.GetUtcNow();
        foreach (var current in await db.ContactConsents.Where(c => c.ContactId == contact.Id).ToListAsync(ct))
        {
            db.ContactConsents.Remove(current);
            db.ConsentRecords.Add(ConsentRecord.Withdraw(contact.Id, current.PurposeId, current.Version, channel, evidence, now));
        }
        await CancelQueuedMailsAsync(contact.Email, null, ct);
    }
}
