using Coop.Data;
using Coop.Domain.Governance;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>Starting a poll, for the page and the API alike: the checks the form's validator cannot make, then create, open and log.</summary>
public sealed class PollStarter(CoopDbContext db, VoteLifecycle lifecycle, TenantTime time, AuditLog audit, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    /// <summary>Board decisions are for admins; the deadline is in the future. Adds field errors; returns the deadline in UTC.</summary>
    public DateTimeOffset? Check(PollForm form, Member author, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(modelState);
        if (form.DecisionType == DecisionType.Board && !author.Grants(MemberRoles.Admin)) modelState.AddModelError(nameof(form.DecisionType), l["Vote.BoardAdminsOnly"]);
        var closesAt = form.ClosesAt is { } local ? time.ToUtc(local) : (DateTimeOffset?)null;
        if (closesAt is { } c && c <= clock.GetUtcNow().AddMinutes(5)) modelState.AddModelError(nameof(form.ClosesAt), l["Vote.DeadlineInFuture"]);
        return closesAt;
    }

    public async Task<Vote> StartAsync(PollForm form, Member author, DateTimeOffset? closesAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(author);
        var vote = new Vote(null, 0, form.Title!, form.Body ?? string.Empty, form.Method, form.DecisionType, form.OptionList, form.MaxChoicesOrScore,
            form.Secret, form.HideResultsUntilClose, electsPeople: false, backedByBoard: false, closesAt, author.Id, clock.GetUtcNow());
        db.Votes.Add(vote);
        await lifecycle.OpenPollAsync(vote, ct);
        audit.Record("vote.opened", vote.Id, vote.Title);
        await db.SaveChangesAsync(ct);
        return vote;
    }
}
