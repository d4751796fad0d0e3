using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Audience;

/// <summary>
/// The register of processing activities (RGPD art. 30). Coop drafts one entry per built-in processing and one per
/// audience purpose, in the cooperative's language, the first time the register is read or a purpose appears; after
/// that the entries belong to the cooperative, which edits them. Drafts are never rewritten over an edit.
/// </summary>
public sealed class ProcessingRegister(CoopDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public static readonly string[] BuiltIn = ["membership", "dues", "governance", "community", "security"];

    public async Task<List<ProcessingActivity>> ReadAsync(CancellationToken ct)
    {
        await DraftMissingAsync(ct);
        var entries = await db.ProcessingActivities.AsNoTracking().ToListAsync(ct);
        return entries.OrderBy(e => Array.IndexOf(BuiltIn, e.Key) is var i and >= 0 ? i : BuiltIn.Length).ThenBy(e => e.Name, StringComparer.CurrentCulture).ToList();
    }

    private async Task DraftMissingAsync(CancellationToken ct)
    {
        var existing = (await db.ProcessingActivities.Select(a => a.Key).ToListAsync(ct)).ToHashSet();
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(ct);
        var texts = await db.PurposeTexts.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = false;
        using (new CultureScope(tenant.Current!.Locale))
        {
            foreach (var key in BuiltIn.Where(k => !existing.Contains(k)))
            {
                db.ProcessingActivities.Add(Draft(key, l[$"Register.{key}.Name"], l[$"Register.{key}.Purposes"], l[$"Register.{key}.Basis"], l[$"Register.{key}.Data"],
                    l[$"Register.{key}.Subjects"], l[$"Register.{key}.Recipients"], l[$"Register.{key}.Retention"], now));
                added = true;
            }
            foreach (var purpose in purposes.Where(p => !existing.Contains(Key(p.Id))))
            {
                var text = texts.Where(t => t.PurposeId == purpose.Id).MaxBy(t => t.Version)?.Text ?? purpose.Name;
                db.ProcessingActivities.Add(Draft(Key(purpose.Id), l["Register.audience.Name", purpose.Name], text, l["Register.audience.Basis"], l["Register.audience.Data"],
                    l["Register.audience.Subjects"], l["Register.audience.Recipients"], l["Register.audience.Retention"], now));
                added = true;
            }
        }
        if (!added) return;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another request drafted the same entries first
    }

    private ProcessingActivity Draft(string key, string name, string purposes, string basis, string data, string subjects, string recipients, string retention, DateTimeOffset now) =>
        new(key, name, purposes, basis, data, subjects, recipients, retention, l["Register.SecurityDraft"], now);

    public static string Key(Guid purposeId) => "purpose:" + purposeId.ToString("N");
}
