using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Charter;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Votes as members meet them: the list, a vote's page with its ballot form and results, new polls (consultations
/// by any member who accepted the charter, board decisions by admins), closing early, and the public ballot box.
/// </summary>
[Route("c/{tenant}/votes")]
[Authorize(Policy = Policies.Member)]
public sealed class VotesController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, CharterQueries charter,
    VoteReader reader, BallotCasting casting, VoteLifecycle lifecycle, PollStarter polls, VoteCounting counting, TenantTime time, AuditLog audit,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var votes = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == null && v.Status != VoteStatus.Draft)
            .OrderBy(v => v.Status).ThenByDescending(v => v.CreatedAt).Take(200).ToListAsync(ct);
        var ids = votes.Select(v => v.Id).ToList();
        var voted = (await db.VoterRoll.AsNoTracking().Where(r => r.MemberId == me.Id && r.HasVoted && ids.Contains(r.VoteId)).Select(r => r.VoteId).ToListAsync(ct)).ToHashSet();
        return View("VoteList", new VoteListModel(Slug, votes, voted, time));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        await CanCreateAsync(ct) ?? View("VoteNew", new PollFormModel(Slug, new PollForm { ClosesAt = time.Local(clock.GetUtcNow().AddDays(7)).DateTime }, await IsAdminAsync(ct)));

    [HttpPost("")]
    public async Task<IActionResult> Create(PollForm form, CancellationToken ct)
    {
        if (await CanCreateAsync(ct) is { } refused) return refused;
        var me = (await currentMember.GetAsync(ct))!;
        var closesAt = polls.Check(form, me, ModelState);
        if (!ModelState.IsValid) return View("VoteNew", new PollFormModel(Slug, form, me.Grants(MemberRoles.Admin)));
        var vote = await polls.StartAsync(form, me, closesAt, ct);
        return Redirect($"/c/{Slug}/votes/{vote.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var view = await reader.ReadAsync(id, me.Id, ct);
        if (view is null) return NotFound();
        return View("VoteShow", new VotePageModel(Slug, view, BallotForm.Of(view.Vote, view.MyBallot), me, time, TempData["Receipt"] as string, await IsAdminAsync(ct)));
    }

    [HttpPost("{id:guid}/ballot")]
    public async Task<IActionResult> Cast(Guid id, BallotForm form, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        if (ModelState.IsValid)
        {
            try
            {
                var method = await db.Votes.Where(v => v.Id == id).Select(v => (VoteMethod?)v.Method).FirstOrDefaultAsync(ct) ?? throw new GovernanceRefusalException("Governance.NotFound");
                var cast = await casting.CastAsync(id, me.Id, form.ForMember ?? me.Id, form.ToInput(method), form.Reason, form.Replaces, ct);
                TempData["Receipt"] = cast.Receipt;
                TempData["Flash"] = cast.ByCorrespondence ? "Vote.CastByCorrespondence" : "Vote.Cast";
                return Redirect($"/c/{Slug}/votes/{id}#receipt");
            }
            catch (GovernanceRefusalException refusal)
            {
                ModelState.AddModelError(string.Empty, l[refusal.Key, [.. refusal.Arguments]]);
            }
        }
        var view = await reader.ReadAsync(id, me.Id, ct);
        if (view is null) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("VoteShow", new VotePageModel(Slug, view, form, me, time, null, await IsAdminAsync(ct)));
    }

    /// <summary>Closing a poll before its deadline: its author or an admin.</summary>
    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var vote = await db.Votes.FirstOrDefaultAsync(v => v.Id == id && v.AssemblyId == null, ct);
        if (vote is null) return NotFound();
        if (vote.CreatedById != me.Id && !me.Grants(MemberRoles.Admin)) return Forbid();
        try
        {
            await lifecycle.CloseAsync(vote, null, ct);
            audit.Record("vote.closed", vote.Id, vote.Title);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Vote.Closed";
        }
        catch (GovernanceRefusalException refusal) { TempData["Flash"] = refusal.Key; }
        return Redirect($"/c/{Slug}/votes/{id}");
    }

    /// <summary>
    /// The ballot box: the chain recomputed, the tally recounted from it, and after the close every ballot with its
    /// receipt (names only for votes that are not secret) so each voter can find theirs and anyone can recount.
    /// </summary>
    [HttpGet("{id:guid}/box")]
    public async Task<IActionResult> Box(Guid id, string? receipt, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (vote is null || !vote.IsFrozen) return NotFound();
        var box = await counting.BoxAsync(id, ct);
        var check = BallotChain.Verify(id, box);
        VoteResult? recount = null;
        if (check.Valid && vote.Status == VoteStatus.Closed)
            recount = VoteResults.Count(vote, BallotChain.CurrentOf(box).Select(b => (b.Answer, b.CollegeId)).ToList(),
                await counting.EligiblePerCollegeAsync(vote, ct), vote.Participants);
        var found = receipt is null ? null : box.FirstOrDefault(b => b.Receipt == Receipts.Normalise(receipt));
        var names = vote.Secret ? new Dictionary<Guid, string>() : await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        return View("VoteBox", new BoxModel(Slug, vote, vote.Status == VoteStatus.Closed ? box : [], check, recount, receipt, found, names, box.Count));
    }

    private async Task<bool> IsAdminAsync(CancellationToken ct) => (await currentMember.GetAsync(ct))!.Grants(MemberRoles.Admin);

    /// <summary>Creating polls needs the current charter accepted (admins as anyone else).</summary>
    private async Task<IActionResult?> CanCreateAsync(CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        return await charter.HasAcceptedCurrentAsync(me.Id, ct) ? null : Redirect($"/c/{Slug}/charter");
    }
}

public sealed record VoteListModel(string Slug, IReadOnlyList<Vote> Votes, IReadOnlySet<Guid> Voted, TenantTime Time);

public sealed record PollFormModel(string Slug, PollForm Form, bool IsAdmin);

public sealed record VotePageModel(string Slug, VoteView View, BallotForm Form, Member Me, TenantTime Time, string? Receipt, bool IsAdmin);

public sealed record BoxModel(string Slug, Vote Vote, IReadOnlyList<Ballot> Published, BallotChain.Verification Check, VoteResult? Recount,
    string? Receipt, Ballot? Found, IReadOnlyDictionary<Guid, string> Names, int Entries);
