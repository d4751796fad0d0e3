using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Community;

/// <summary>
/// Moderation grounded in the charter: members report with a reason and the article broken; moderators decide
/// (hide with a reason shown to the author, delete, warn, suspend, or dismiss); the author may appeal each decision
/// once; admins read the full log; everyone sees the transparency summary (counts only).
/// </summary>
[Route("c/{tenant}")]
public sealed class ModerationController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, CommunityWriter writer,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpPost("posts/{id:guid}/report")]
    [Authorize(Policy = Policies.Member)]
    public async Task<IActionResult> Report(Guid id, ReportForm form, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return NotFound();
        if (!ModelState.IsValid)
        {
            TempData["Flash"] = "Moderation.ReportInvalid";
            return Redirect($"/c/{Slug}/posts/{id}");
        }
        var outcome = await writer.ReportAsync(post, me.Id, form, ct);
        if (outcome == ReportOutcome.NoSuchComment) return NotFound();
        TempData["Flash"] = outcome == ReportOutcome.Recorded ? "Moderation.Reported" : "Moderation.AlreadyReported";
        return Redirect($"/c/{Slug}/posts/{id}");
    }

    [HttpGet("moderation")]
    [Authorize(Policy = Policies.Moderator)]
    public async Task<IActionResult> Queue(CancellationToken ct)
    {
        var reports = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).OrderBy(r => r.CreatedAt).Take(100).ToListAsync(ct);
        var postIds = reports.Where(r => r.Kind == ContentKind.Post).Select(r => r.ContentId).ToList();
        var commentIds = reports.Where(r => r.Kind == ContentKind.Comment).Select(r => r.ContentId).ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var comments = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.Status == AppealStatus.Pending).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var actionIds = appeals.Select(a => a.ActionId).ToList();
        var actions = await db.ModerationActions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var items = reports.Select(r => new QueueItem(r, r.Kind == ContentKind.Post
            ? posts.GetValueOrDefault(r.ContentId) is { } p ? (p.Title is null ? p.Body : $"{p.Title} — {p.Body}") : "—"
            : comments.GetValueOrDefault(r.ContentId)?.Body ?? "—",
            r.Kind == ContentKind.Post ? r.ContentId : comments.GetValueOrDefault(r.ContentId)?.PostId)).ToList();
        return View("ModerationQueue", new QueueModel(Slug, items, appeals.Select(a => (a, actions[a.ActionId])).ToList(), names));
    }

    [HttpPost("moderation/reports/{id:guid}")]
    [Authorize(Policy = Policies.Moderator)]
    public async Task<IActionResult> Decide(Guid id, DecisionForm form, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return NotFound();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await Queue(ct);
        }
        if (report.Status != ReportStatus.Open)
        {
            TempData["Flash"] = "Moderation.AlreadyHandled";
            return Redirect($"/c/{Slug}/moderation");
        }
        var me = (await currentMember.GetAsync(ct))!;
        var now = clock.GetUtcNow();
        switch (form.Kind)
        {
            case ModerationKind.Hide or ModerationKind.Delete when report.Kind == ContentKind.Post:
                var post = await db.Posts.SingleAsync(p => p.Id == report.ContentId, ct);
                if (form.Kind == ModerationKind.Hide) post.Hide(form.Reason!, now); else post.Delete(now);
                break;
            case ModerationKind.Hide or ModerationKind.Delete:
                var comment = await db.Comments.SingleAsync(c => c.Id == report.ContentId, ct);
                if (form.Kind == ModerationKind.Hide) comment.Hide(form.Reason!, now); else comment.Delete(now);
                break;
        }
        db.ModerationActions.Add(new ModerationAction(form.Kind, report.Kind, report.ContentId, report.AuthorId, me.Id, report.Reason, form.Reason!,
            form.Kind == ModerationKind.Suspend ? now.AddDays(form.SuspendDays) : null, report.Id, now));
        report.Handle(form.Kind != ModerationKind.Dismiss, now);
        // Other open reports of the same content are settled by the same decision.
        foreach (var other in await db.Reports.Where(r => r.Id != id && r.Kind == report.Kind && r.ContentId == report.ContentId && r.Status == ReportStatus.Open).ToListAsync(ct))
            other.Handle(form.Kind != ModerationKind.Dismiss, now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { TempData["Flash"] = "Moderation.AlreadyHandled"; return Redirect($"/c/{Slug}/moderation"); }
        TempData["Flash"] = "Moderation.Decided";
        return Redirect($"/c/{Slug}/moderation");
    }

    [HttpPost("moderation/appeals/{id:guid}")]
    [Authorize(Policy = Policies.Moderator)]
    public async Task<IActionResult> DecideAppeal(Guid id, bool overturn, CancellationToken ct)
    {
        var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null) return NotFound();
        var me = (await currentMember.GetAsync(ct))!;
        var action = await db.ModerationActions.SingleAsync(a => a.Id == appeal.ActionId, ct);
        if (action.ModeratorId == me.Id)
        {
            TempData["Flash"] = "Moderation.AnotherModerator";
            return Redirect($"/c/{Slug}/moderation");
        }
        var now = clock.GetUtcNow();
        if (appeal.Status != AppealStatus.Pending)
        {
            TempData["Flash"] = "Moderation.AlreadyHandled";
            return Redirect($"/c/{Slug}/moderation");
        }
        appeal.Decide(overturn, me.Id, now);
        if (overturn)
        {
            action.Overturn(now);
            if (action.Kind == ModerationKind.Hide && action.ContentKind == ContentKind.Post)
                (await db.Posts.SingleAsync(p => p.Id == action.ContentId, ct)).Show();
            if (action.Kind == ModerationKind.Hide && action.ContentKind == ContentKind.Comment)
                (await db.Comments.SingleAsync(c => c.Id == action.ContentId, ct)).Show();
            db.ModerationActions.Add(new ModerationAction(ModerationKind.Restore, action.ContentKind, action.ContentId, action.AuthorId, me.Id, action.ReportReason,
                l["Moderation.AppealGranted"], null, action.ReportId, now));
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { TempData["Flash"] = "Moderation.AlreadyHandled"; }
        TempData["Flash"] ??= "Moderation.AppealDecided";
        return Redirect($"/c/{Slug}/moderation");
    }

    /// <summary>The decisions about the signed-in member, each with its one appeal.</summary>
    [HttpGet("moderation/mine")]
    [Authorize(Policy = Policies.Member)]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        return View("ModerationMine", await MineAsync(me.Id, new AppealForm(), ct));
    }

    [HttpPost("moderation/mine/{actionId:guid}/appeal")]
    [Authorize(Policy = Policies.Member)]
    public async Task<IActionResult> Appeal(Guid actionId, AppealForm form, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var action = await db.ModerationActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId && a.AuthorId == me.Id, ct);
        if (action is null) return NotFound();
        if (!action.Appealable) ModelState.AddModelError(string.Empty, l["Moderation.NotAppealable"]);
        else if (await db.Appeals.AnyAsync(a => a.ActionId == actionId, ct)) ModelState.AddModelError(string.Empty, l["Moderation.AlreadyAppealed"]);
        if (ModelState.IsValid)
        {
            db.Appeals.Add(new Appeal(actionId, me.Id, form.Text!, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
                TempData["Flash"] = "Moderation.Appealed";
                return Redirect($"/c/{Slug}/moderation/mine");
            }
            catch (DbUpdateException) { ModelState.AddModelError(string.Empty, l["Moderation.AlreadyAppealed"]); }
        }
        db.ChangeTracker.Clear();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("ModerationMine", await MineAsync(me.Id, form, ct));
    }

    private async Task<MineModel> MineAsync(Guid memberId, AppealForm form, CancellationToken ct)
    {
        var actions = await db.ModerationActions.AsNoTracking().Where(a => a.AuthorId == memberId && a.Kind != ModerationKind.Dismiss)
            .OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        var ids = actions.Select(a => a.Id).ToList();
        var appeals = await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.ActionId)).ToDictionaryAsync(a => a.ActionId, ct);
        return new MineModel(Slug, actions, appeals, form);
    }

    [HttpGet("moderation/log")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Log(CancellationToken ct)
    {
        var actions = await db.ModerationActions.AsNoTracking().OrderByDescending(a => a.CreatedAt).Take(500).ToListAsync(ct);
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        return View("ModerationLog", new LogModel(Slug, actions, names));
    }

    /// <summary>Counts by reason and by decision over the last twelve months: no names, no content.</summary>
    [HttpGet("community/transparency")]
    [Authorize(Policy = Policies.Member)]
    public async Task<IActionResult> Transparency(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddYears(-1);
        var actions = await db.ModerationActions.AsNoTracking().Where(a => a.CreatedAt >= since).Select(a => new { a.Kind, a.ReportReason }).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.CreatedAt >= since).Select(r => r.Reason).ToListAsync(ct);
        return View("Transparency", new TransparencyModel(Slug,
            reports.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count()),
            actions.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count())));
    }
}

public sealed record QueueItem(Report Report, string Excerpt, Guid? PostId);

public sealed record QueueModel(string Slug, IReadOnlyList<QueueItem> Reports, IReadOnlyList<(Appeal Appeal, ModerationAction Action)> Appeals,
    IReadOnlyDictionary<Guid, string> Names)
{
    public string Name(Guid id) => Names.GetValueOrDefault(id, "?");
}

public sealed record MineModel(string Slug, IReadOnlyList<ModerationAction> Actions, IReadOnlyDictionary<Guid, Appeal> Appeals, AppealForm Form);

public sealed record LogModel(string Slug, IReadOnlyList<ModerationAction> Actions, IReadOnlyDictionary<Guid, string> Names)
{
    public string Name(Guid id) => Names.GetValueOrDefault(id, "?");
}

public sealed record TransparencyModel(string Slug, IReadOnlyDictionary<ReportReason, int> Reports, IReadOnlyDictionary<ModerationKind, int> Decisions);
