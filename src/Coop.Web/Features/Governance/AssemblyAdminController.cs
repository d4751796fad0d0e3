using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Preparing and chairing an assembly (admins): the convocation and its agenda, then, on the day, the session,
/// attendance, each resolution opened and closed, a second convocation when the quorum fails, and the close.
/// </summary>
[Route("c/{tenant}/admin/assemblies")]
[Authorize(Policy = Policies.Admin)]
public sealed class AssemblyAdminController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, AssemblyFlow flow,
    AssemblyReader reader, DecisionRules rules, TenantTime time, AuditLog audit, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("new")]
    public IActionResult New() => View("AssemblyNew", new AssemblyFormModel(Slug, new AssemblyForm { ScheduledAt = time.Local(clock.GetUtcNow().AddDays(21)).Date.AddHours(18), CorrespondenceVoting = true }));

    [HttpPost("")]
    public async Task<IActionResult> Create(AssemblyForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("AssemblyNew", new AssemblyFormModel(Slug, form));
        var assembly = new Assembly(form.Title!, form.Type, Convocation.First, time.ToUtc(form.ScheduledAt!.Value), form.Place, form.OnlineLink,
            form.Documents, form.CorrespondenceVoting, form.NoticeDays, null, clock.GetUtcNow());
        db.Assemblies.Add(assembly);
        audit.Record("assembly.created", assembly.Id, assembly.Title);
        await db.SaveChangesAsync(ct);
        return Redirect($"/c/{Slug}/admin/assemblies/{assembly.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Console(Guid id, CancellationToken ct)
    {
        var model = await reader.ReadAsync(id, (await currentMember.GetAsync(ct))!, ct);
        return model is null ? NotFound() : View("AssemblyConsole", model);
    }

    [HttpPost("{id:guid}/resolutions")]
    public async Task<IActionResult> AddResolution(Guid id, ResolutionForm form, CancellationToken ct)
    {
        var assembly = await db.Assemblies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assembly is null) return NotFound();
        if (!ModelState.IsValid) return await ConsoleAsync(id, ct);
        if (assembly.Status != AssemblyStatus.Draft) return await RefusedAsync(id, new GovernanceRefusalException("Governance.State.AlreadyConvened"), ct);
        var me = (await currentMember.GetAsync(ct))!;
        var rule = await rules.ForAsync(form.DecisionType, assembly.Convocation, ct);
        // Elections of people are secret when the statutes say so, whatever the form said.
        var secret = form.Secret || (form.ElectsPeople && rule.SecretForElections);
        var position = await db.Votes.CountAsync(v => v.AssemblyId == id, ct) + 1;
        db.Votes.Add(new Vote(id, position, form.Title!, form.Body ?? string.Empty, VoteMethod.Resolution, form.DecisionType, [], 1, secret,
            hideResultsUntilClose: true, form.ElectsPeople, form.BackedByBoard, null, me.Id, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = secret && !form.Secret ? "Resolution.AddedSecret" : "Resolution.Added";
        return Redirect($"/c/{Slug}/admin/assemblies/{id}");
    }

    [HttpPost("{id:guid}/convene")]
    public Task<IActionResult> Convene(Guid id, CancellationToken ct) => ActAsync(id, async assembly =>
    {
        var where = string.Join(" · ", new[] { assembly.Place, assembly.OnlineLink }.Where(x => x is not null));
        var shortNotice = await flow.ConveneAsync(assembly, time.Format(assembly.ScheduledAt), where, ct);
        audit.Record("assembly.convened", assembly.Id, assembly.Title);
        await db.SaveChangesAsync(ct);
        return shortNotice ? "Assembly.ConvenedShortNotice" : "Assembly.Convened";
    }, ct);

    [HttpPost("{id:guid}/session")]
    public Task<IActionResult> OpenSession(Guid id, SessionForm form, CancellationToken ct) => ActAsync(id, async assembly =>
    {
        var listed = await db.AssemblyAttendees.CountAsync(a => a.AssemblyId == id && (a.MemberId == form.ChairId || a.MemberId == form.SecretaryId), ct);
        if (listed < (form.ChairId == form.SecretaryId ? 1 : 2)) throw new GovernanceRefusalException("Assembly.ChooseOfficers");
        await flow.OpenSessionAsync(assembly, form.ChairId, form.SecretaryId, ct);
        return "Assembly.SessionOpened";
    }, ct);

    [HttpPost("{id:guid}/attendance")]
    public Task<IActionResult> Attendance(Guid id, AttendanceForm form, CancellationToken ct) => ActAsync(id, async assembly =>
    {
        await flow.CheckInAsync(assembly, form.MemberId, form.Attendance, ct);
        return "Attendance.Recorded";
    }, ct);

    [HttpPost("{id:guid}/resolutions/{voteId:guid}/open")]
    public Task<IActionResult> OpenResolution(Guid id, Guid voteId, CancellationToken ct) => ActAsync(id, async assembly =>
    {
        var vote = await db.Votes.FirstOrDefaultAsync(v => v.Id == voteId && v.AssemblyId == id, ct) ?? throw new GovernanceRefusalException("Governance.NotFound");
        await flow.OpenResolutionAsync(assembly, vote, ct);
        return "Resolution.Opened";
    }, ct);

    [HttpPost("{id:guid}/resolutions/{voteId:guid}/close")]
    public Task<IActionResult> CloseResolution(Guid id, Guid voteId, CancellationToken ct) => ActAsync(id, async assembly =>
    {
        var vote = await db.Votes.FirstOrDefaultAsync(v => v.Id == voteId && v.AssemblyId == id, ct) ?? throw new GovernanceRefusalException("Governance.NotFound");
        await flow.CloseResolutionAsync(assembly, vote, ct);
        audit.Record("vote.closed", vote.Id, vote.Title);
        await db.SaveChangesAsync(ct);
        return "Resolution.Closed";
    }, ct);

    [HttpPost("{id:guid}/adjourn")]
    public async Task<IActionResult> Adjourn(Guid id, AdjournForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ConsoleAsync(id, ct);
        Assembly? second = null;
        var result = await ActAsync(id, async assembly =>
        {
            second = await flow.AdjournAsync(assembly, time.ToUtc(form.SecondDate!.Value), ct);
            audit.Record("assembly.adjourned", assembly.Id, assembly.Title);
            await db.SaveChangesAsync(ct);
            return "Assembly.Adjourned";
        }, ct);
        return second is null ? result : Redirect($"/c/{Slug}/admin/assemblies/{second.Id}");
    }

    [HttpPost("{id:guid}/close")]
    public Task<IActionResult> Close(Guid id, CancellationToken ct) => ActAsync(id, async assembly =>
    {
        await flow.CloseAsync(assembly, ct);
        audit.Record("assembly.closed", assembly.Id, assembly.Title);
        await db.SaveChangesAsync(ct);
        return "Assembly.Closed";
    }, ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Assembly, Task<string>> action, CancellationToken ct)
    {
        var assembly = await db.Assemblies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assembly is null) return NotFound();
        try
        {
            TempData["Flash"] = await action(assembly);
            return Redirect($"/c/{Slug}/admin/assemblies/{id}");
        }
        catch (GovernanceRefusalException refusal) { return await RefusedAsync(id, refusal, ct); }
    }

    private async Task<IActionResult> RefusedAsync(Guid id, GovernanceRefusalException refusal, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, l[refusal.Key, [.. refusal.Arguments]]);
        Response.StatusCode = refusal.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return await ConsoleAsync(id, ct);
    }

    private async Task<IActionResult> ConsoleAsync(Guid id, CancellationToken ct)
    {
        var model = await reader.ReadAsync(id, (await currentMember.GetAsync(ct))!, ct);
        if (model is null) return NotFound();
        if (Response.StatusCode == StatusCodes.Status200OK) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("AssemblyConsole", model);
    }
}

public sealed record AssemblyFormModel(string Slug, AssemblyForm Form);
