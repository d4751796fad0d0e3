using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>Vote and assembly mails to the voters on a frozen list, in the cooperative's language, queued in the caller's unit of work.</summary>
public sealed class GovernanceMails(CoopDbContext db, Mailer mailer, AccountLinks links, TenantContext tenant)
{
    public static readonly MailTemplate Opened = new("Mail.VoteOpened.Subject", "Mail.VoteOpened.Body", "Mail.Vote.Action");
    public static readonly MailTemplate Reminder = new("Mail.VoteReminder.Subject", "Mail.VoteReminder.Body", "Mail.Vote.Action");
    public static readonly MailTemplate Results = new("Mail.VoteResults.Subject", "Mail.VoteResults.Body", "Mail.VoteResults.Action");
    public static readonly MailTemplate Convocation = new("Mail.Convocation.Subject", "Mail.Convocation.Body", "Mail.Convocation.Action");

    /// <summary>The opening mail goes to everyone on the list; the reminder only to those who have not voted.</summary>
    public async Task VoteAsync(Vote vote, MailTemplate template, bool onlyNonVoters, string? closesAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var info = tenant.Current!;
        var memberIds = db.VoterRoll.Where(r => r.VoteId == vote.Id && (!onlyNonVoters || !r.HasVoted)).Select(r => r.MemberId);
        foreach (var (email, name) in await RecipientsAsync(memberIds, ct))
            mailer.Enqueue(email, info.Locale, template, name, links.To($"/c/{info.Slug}/votes/{vote.Id}"), info.Name, vote.Title, closesAt ?? "");
    }

    public async Task ConvocationAsync(Assembly assembly, string when, string where, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var info = tenant.Current!;
        var memberIds = db.AssemblyAttendees.Where(a => a.AssemblyId == assembly.Id).Select(a => a.MemberId);
        foreach (var (email, name) in await RecipientsAsync(memberIds, ct))
            mailer.Enqueue(email, info.Locale, Convocation, name, links.To($"/c/{info.Slug}/assemblies/{assembly.Id}"), info.Name, assembly.Title, when, where);
    }

    private async Task<IReadOnlyList<(string Email, string Name)>> RecipientsAsync(IQueryable<Guid> memberIds, CancellationToken ct)
    {
        var rows = await db.Members.Where(m => memberIds.Contains(m.Id))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.DisplayName }).ToListAsync(ct);
        return rows.Where(r => r.Email is not null).Select(r => (r.Email!, r.DisplayName)).ToList();
    }
}
