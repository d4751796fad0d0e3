using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Charter;
using Coop.Web.Features.Governance;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance.Api;

/// <summary>Votes over JSON: list, create a poll, cast or change a ballot, read results, verify a ballot box. Same rules and errors as the pages.</summary>
[Route("c/{tenant}/api/votes")]
[Authorize(Policy = Policies.ApiMember)]
public sealed class VotesApiController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, CharterQueries charter,
    VoteReader reader, BallotCasting casting, PollStarter polls, VoteCounting counting, IStringLocalizer<SharedResource> l) : ApiControllerBase
{
    [HttpGet("")]
    [ProducesResponseType(typeof(IReadOnlyList<VoteSummaryDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<VoteSummaryDto>> List(CancellationToken ct)
    {
        var votes = await db.Votes.AsNoTracking().Where(v => v.Status != VoteStatus.Draft).OrderByDescending(v => v.CreatedAt).Take(200).ToListAsync(ct);
        return votes.Select(VoteSummaryDto.From).ToList();
    }

    /// <summary>Creates and opens a poll. <c>closesAt</c> is a local time in the cooperative's time zone.</summary>
    [HttpPost("")]
    [ProducesResponseType(typeof(VoteDto), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> Create([FromBody] PollForm form, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        if (!await charter.HasAcceptedCurrentAsync(me.Id, ct)) return ApiProblems.Problem(HttpContext, 403, "Error.Forbidden.Title", "Vote.CharterFirst");
        var closesAt = polls.Check(form, me, ModelState);
        if (!ModelState.IsValid) return ApiProblems.ValidationResponse(ControllerContext);
        var vote = await polls.StartAsync(form, me, closesAt, ct);
        var view = (await reader.ReadAsync(vote.Id, me.Id, ct))!;
        return Created($"/c/{tenantContext.Current!.Slug}/api/votes/{vote.Id}", VoteDto.From(view));
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType(typeof(VoteDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var view = await reader.ReadAsync(id, me.Id, ct);
        return view is null ? ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title") : Ok(VoteDto.From(view));
    }

    /// <summary>Casts or changes a ballot. Only the last ballot counts. For a secret vote, changing needs the receipt of the ballot being replaced.</summary>
    [HttpPut("{id:guid}/ballot")]
    [ProducesResponseType(typeof(ReceiptDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status409Conflict)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Cast(Guid id, [FromBody] BallotRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = (await currentMember.GetAsync(ct))!;
        Choice? choice = null;
        if (request.Choice is { } text)
        {
            if (!Enum.TryParse<Choice>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return Refused(new GovernanceRefusalException("Governance.Ballot.UnknownOption"));
            choice = parsed;
        }
        try
        {
            var cast = await casting.CastAsync(id, me.Id, request.ForMember ?? me.Id, new BallotInput(choice, request.Options ?? request.Ranking, request.Values),
                request.Reason?.Length > 2000 ? request.Reason[..2000] : request.Reason, request.Replaces, ct);
            return Ok(new ReceiptDto(cast.Receipt, cast.Sequence, cast.ByCorrespondence));
        }
        catch (GovernanceRefusalException refusal) { return Refused(refusal); }
    }

    [HttpGet("{id:guid}/verification")]
    [ProducesResponseType(typeof(VerificationDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Verify(Guid id, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (vote is null || !vote.IsFrozen) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        var box = await counting.BoxAsync(id, ct);
        var check = BallotChain.Verify(id, box);
        var closed = vote.Status == VoteStatus.Closed;
        return Ok(new VerificationDto(check.Valid && (!closed || check.Head == vote.ClosingDigest), check.Head, vote.ClosingDigest, box.Count, check.Current,
            closed ? box.Select(b => new PublishedBallotDto(b.Sequence, b.Receipt, b.Answer, b.CollegeId, b.Replaces, b.IsCurrent, b.Source.ToString(), b.PreviousHash, b.Hash, vote.Secret ? null : b.VoterId)).ToList() : null));
    }

    private ObjectResult Refused(GovernanceRefusalException refusal)
    {
        var status = refusal.Key == "Governance.NotFound" ? 404 : refusal.IsConflict ? 409 : 422;
        var problem = ApiProblems.Problem(HttpContext, status, refusal.IsConflict ? "Problem.Conflict" : "Problem.Unprocessable");
        ((ProblemDetails)problem.Value!).Detail = l[refusal.Key, [.. refusal.Arguments]];
        ((ProblemDetails)problem.Value!).Extensions["code"] = refusal.Key;
        return problem;
    }
}

public sealed record BallotRequest(string? Choice, IReadOnlyList<int>? Options, IReadOnlyList<int>? Ranking, IReadOnlyList<int>? Values,
    string? Reason, Guid? ForMember, string? Replaces);

public sealed record ReceiptDto(string Receipt, long Sequence, bool ByCorrespondence);

public sealed record VoteSummaryDto(Guid Id, Guid? AssemblyId, string Title, string Method, string DecisionType, string Status, DateTimeOffset? ClosesAt, bool Secret, string Outcome)
{
    public static VoteSummaryDto From(Vote v) => new(v.Id, v.AssemblyId, v.Title, v.Method.ToString(), v.DecisionType.ToString(), v.Status.ToString(),
        v.ClosesAt, v.Secret, v.Outcome.ToString());
}

public sealed record VoteDto(VoteSummaryDto Vote, string Body, IReadOnlyList<string> Options, int MaxChoicesOrScore, bool Eligible, bool HasVoted,
    string? MyAnswer, string Window, ResultDto? Results)
{
    public static VoteDto From(VoteView view) => new(VoteSummaryDto.From(view.Vote), view.Vote.Body, view.Vote.Options, view.Vote.MaxChoicesOrScore,
        view.Eligible, view.HasVoted, view.MyBallot?.Answer, view.Window.ToString(), view.Result is { } r ? ResultDto.From(r) : null);
}

public sealed record CollegeResultDto(string College, int WeightPercent, decimal EffectiveWeight, int Eligible, int For, int Against, int Abstain, int Blank,
    decimal ForShare, decimal Contribution, bool CastAsBloc);

public sealed record ResultDto(int Ballots, string Outcome, int? For, int? Against, int? Abstain, int? Blank, int Blocks, bool? QuorumReached,
    bool? MajorityReached, decimal? ForShare, IReadOnlyList<CollegeResultDto>? Colleges, IReadOnlyList<long>? OptionTotals,
    IReadOnlyList<IReadOnlyList<int>>? Places)
{
    public static ResultDto From(VoteResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var res = r.Resolution;
        var places = r.Poll?.Places ?? r.Ranked?.Places ?? r.Judgment?.Places;
        return new ResultDto(r.Ballots, r.Outcome.ToString(), res?.Counts.For, res?.Counts.Against, res?.Counts.Abstain, res?.Counts.Blank, r.Blocks,
            res?.QuorumReached, res?.MajorityReached, res?.ForShare,
            res?.Colleges.Select(c => new CollegeResultDto(c.College.Name, c.College.WeightPercent, c.EffectiveWeight, c.Eligible, c.Counts.For,
                c.Counts.Against, c.Counts.Abstain, c.Counts.Blank, c.ForShare, c.ForContribution, c.CastAsBloc)).ToList(),
            r.Poll?.Totals.Select(t => t.Total).ToList(), places);
    }
}

public sealed record PublishedBallotDto(long Sequence, string Receipt, string Answer, Guid? CollegeId, string? Replaces, bool Current, string Source,
    string PreviousHash, string Hash, Guid? VoterId);

public sealed record VerificationDto(bool Valid, string Head, string? ClosingDigest, int Entries, int Current, IReadOnlyList<PublishedBallotDto>? Ballots);
