using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Domain.Treasury;
using Coop.Web.Features.Community;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Treasury;

/// <summary>
/// Micro-payments from a member's wallet to a post's author (a tip) or to a community project (a space): no fee,
/// from 0,10, never more than the balance. Nothing is shown publicly: only the receiver learns of a tip.
/// </summary>
[Route("c/{tenant}")]
[Authorize(Policy = Policies.Member)]
public sealed class SupportController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, CommunityAccess access, WalletDesk wallets,
    TreasuryQueries queries, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("posts/{id:guid}/support")]
    public async Task<IActionResult> Post(Guid id, CancellationToken ct) =>
        await PostTargetAsync(id, ct) is { } target ? View("Support", await ModelAsync(target, new AmountForm(), ct)) : NotFound();

    [HttpPost("posts/{id:guid}/support")]
    public async Task<IActionResult> SupportPost(Guid id, AmountForm form, CancellationToken ct) =>
        await PostTargetAsync(id, ct) is { } target ? await SendAsync(target, form, ct) : NotFound();

    [HttpGet("spaces/{id:guid}/support")]
    public async Task<IActionResult> Space(Guid id, CancellationToken ct) =>
        await SpaceTargetAsync(id, ct) is { } target ? View("Support", await ModelAsync(target, new AmountForm(), ct)) : NotFound();

    [HttpPost("spaces/{id:guid}/support")]
    public async Task<IActionResult> SupportSpace(Guid id, AmountForm form, CancellationToken ct) =>
        await SpaceTargetAsync(id, ct) is { } target ? await SendAsync(target, form, ct) : NotFound();

    private async Task<IActionResult> SendAsync(SupportTarget target, AmountForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var me = (await currentMember.GetAsync(ct))!;
            try
            {
                await wallets.TransferAsync(me.Id, target.MemberId, form.Minor, target.Kind, target.SubjectId, target.Title, ct);
                TempData["Flash"] = "Treasury.Transferred";
                return Redirect(target.BackUrl);
            }
            catch (TreasuryException ex) { ModelState.AddModelError(string.Empty, l[ex.Message]); }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Support", await ModelAsync(target, form, ct));
    }

    /// <summary>A post the member can read and did not write.</summary>
    private async Task<SupportTarget?> PostTargetAsync(Guid id, CancellationToken ct)
    {
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.DeletedAt == null && p.HiddenAt == null, ct);
        if (post is null) return null;
        var (space, viewer, membership) = await access.LoadAsync(post.SpaceId, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership) || viewer!.MemberId == post.AuthorId) return null;
        var author = await db.Members.AsNoTracking().Where(m => m.Id == post.AuthorId).Select(m => m.DisplayName).SingleAsync(ct);
        return new SupportTarget(TransferKind.PostAuthor, post.AuthorId, post.Id, l["Treasury.SupportAuthor", author, post.Headline()], post.Headline(),
            $"/c/{Slug}/posts/{post.Id}");
    }

    private async Task<SupportTarget?> SpaceTargetAsync(Guid id, CancellationToken ct)
    {
        var (space, viewer, membership) = await access.LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return null;
        return new SupportTarget(TransferKind.Project, null, space.Id, l["Treasury.SupportProject", space.Name], space.Name, $"/c/{Slug}/spaces/{space.Id}");
    }

    private async Task<SupportModel> ModelAsync(SupportTarget target, AmountForm form, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        return new SupportModel(Slug, tenantContext.Current!.Currency, target, await queries.WalletAsync(me.Id, ct), form);
    }
}

public sealed record SupportTarget(TransferKind Kind, Guid? MemberId, Guid SubjectId, string Heading, string Title, string BackUrl);

public sealed record SupportModel(string Slug, string Currency, SupportTarget Target, long WalletMinor, AmountForm Form);
