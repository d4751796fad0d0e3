using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>
/// General assemblies as members see them: the convocation, the agenda with each resolution's vote page, their
/// proxy, following the meeting live, and the minutes (signed by the chair and the secretary).
/// </summary>
[Route("c/{tenant}/assemblies")]
[Authorize(Policy = Policies.Member)]
public sealed class AssembliesController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, AssemblyFlow flow,
    AssemblyReader reader, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var assemblies = await db.Assemblies.AsNoTracking().OrderByDescending(a => a.ScheduledAt).Take(100).ToListAsync(ct);
        var me = (await currentMember.GetAsync(ct))!;
        return View("AssemblyList", new AssemblyListModel(Slug, assemblies.Where(a => a.Status != AssemblyStatus.Draft || me.Grants(MemberRoles.Admin)).ToList(), me.Grants(MemberRoles.Admin)));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var model = await reader.ReadAsync(id, (await currentMember.GetAsync(ct))!, ct);
        return model is null || (model.Assembly.Status == AssemblyStatus.Draft && !model.IsAdmin) ? NotFound() : View("AssemblyShow", model);
    }

    /// <summary>The live part of the page (attendance, quorum, the resolution under vote), fetched again when the hub says it changed.</summary>
    [HttpGet("{id:guid}/live")]
    public async Task<IActionResult> Live(Guid id, CancellationToken ct)
    {
        var model = await reader.ReadAsync(id, (await currentMember.GetAsync(ct))!, ct);
        return model is null ? NotFound() : PartialView("_AssemblyLive", model);
    }

    [HttpPost("{id:guid}/proxy")]
    public async Task<IActionResult> GiveProxy(Guid id, ProxyForm form, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        return await RefusableAsync(id, () => flow.GrantProxyAsync(id, me.Id, form.HolderId, ct), "Proxy.Given");
    }

    [HttpPost("{id:guid}/proxy/revoke")]
    public async Task<IActionResult> RevokeProxy(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        return await RefusableAsync(id, () => flow.RevokeProxyAsync(id, me.Id, ct), "Proxy.Revoked");
    }

    /// <summary>A member following a hybrid meeting from home says so: they count as remote.</summary>
    [HttpPost("{id:guid}/attend")]
    public async Task<IActionResult> Attend(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var assembly = await db.Assemblies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assembly is null) return NotFound();
        return await RefusableAsync(id, () => flow.CheckInAsync(assembly, me.Id, Attendance.Remote, ct), "Attendance.Recorded");
    }

    [HttpGet("{id:guid}/minutes")]
    public async Task<IActionResult> Minutes(Guid id, CancellationToken ct)
    {
        var model = await reader.ReadAsync(id, (await currentMember.GetAsync(ct))!, ct);
        if (model?.Assembly.Minutes is not { } text) return NotFound();
        return View("AssemblyMinutes", new MinutesModel(model, new Microsoft.AspNetCore.Html.HtmlString(SafeMarkdown.ToHtml(text))));
    }

    [HttpGet("{id:guid}/minutes.md")]
    public async Task<IActionResult> MinutesMarkdown(Guid id, CancellationToken ct)
    {
        var model = await reader.ReadAsync(id, (await currentMember.GetAsync(ct))!, ct);
        if (model?.Assembly.Minutes is not { } text) return NotFound();
        return File(System.Text.Encoding.UTF8.GetBytes(text + model.SignatureMarkdown(l)), "text/markdown; charset=utf-8", $"minutes-{model.Assembly.ScheduledAt:yyyy-MM-dd}.md");
    }

    /// <summary>The chair or the secretary signs; once both have, the minutes cannot change.</summary>
    [HttpPost("{id:guid}/minutes/sign")]
    public async Task<IActionResult> Sign(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var assembly = await db.Assemblies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assembly is null) return NotFound();
        try
        {
            await flow.SignAsync(assembly, me.Id, ct);
            TempData["Flash"] = "Minutes.Signed";
        }
        catch (GovernanceRefusalException refusal) { TempData["Flash"] = refusal.Key; }
        return Redirect($"/c/{Slug}/assemblies/{id}/minutes");
    }

    private async Task<IActionResult> RefusableAsync(Guid id, Func<Task> action, string done)
    {
        try
        {
            await action();
            TempData["Flash"] = done;
            return Redirect($"/c/{Slug}/assemblies/{id}");
        }
        catch (GovernanceRefusalException refusal)
        {
            ModelState.AddModelError(string.Empty, l[refusal.Key, [.. refusal.Arguments]]);
            var model = await reader.ReadAsync(id, (await currentMember.GetAsync(HttpContext.RequestAborted))!, HttpContext.RequestAborted);
            if (model is null) return NotFound();
            Response.StatusCode = refusal.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return View("AssemblyShow", model);
        }
    }
}

public sealed record AssemblyListModel(string Slug, IReadOnlyList<Assembly> Assemblies, bool IsAdmin);

public sealed record MinutesModel(AssemblyModel Page, Microsoft.AspNetCore.Html.IHtmlContent Html);
