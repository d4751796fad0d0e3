using System.Globalization;
using System.Text;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Web.Features.Mail;
using Coop.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Writes the minutes (procès-verbal) in Markdown, in the cooperative's language: the meeting, attendance and
/// quorum, every resolution with its counts, per-college arithmetic, result and ballot-box digest. The text is
/// stored at the close; signatures are recorded beside it, and once both are there it cannot change.
/// </summary>
public sealed class MinutesWriter(CoopDbContext db, VoteCounting counting, TenantContext tenant, TenantTime time, IStringLocalizer<SharedResource> l)
{
    public async Task<string> WriteAsync(Assembly assembly, AssemblyQuorum quorum, Assembly? secondConvocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(quorum);
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var attendees = await db.AssemblyAttendees.AsNoTracking().Where(a => a.AssemblyId == assembly.Id).ToListAsync(ct);
        var proxies = await db.ProxyGrants.AsNoTracking().Where(p => p.AssemblyId == assembly.Id && p.RevokedAt == null).ToListAsync(ct);
        var agenda = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == assembly.Id).OrderBy(v => v.Position).ToListAsync(ct);
        var results = new Dictionary<Guid, VoteResult>();
        foreach (var r in agenda.Where(r => r.Status == VoteStatus.Closed)) results[r.Id] = await counting.CountAsync(r, r.Participants, ct);

        using var _ = new CultureScope(tenant.Current!.Locale);
        string Name(Guid? id) => id is { } x ? names.GetValueOrDefault(x, "?") : "—";
        string List(IEnumerable<AssemblyAttendee> people) => string.Join(", ", people.Select(a => Name(a.MemberId)).Order(StringComparer.CurrentCulture)) is { Length: > 0 } s ? s : "—";
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.CurrentCulture, $"# {l["Minutes.Heading"]} — {assembly.Title}").AppendLine();
        md.AppendLine(CultureInfo.CurrentCulture, $"**{tenant.Current!.Name}** · {l["DecisionType." + assembly.Type]} · {l["Convocation." + assembly.Convocation]}").AppendLine();
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Minutes.Date"]} : {time.Format(assembly.SessionOpenedAt ?? assembly.ScheduledAt)}");
        if (assembly.Place is { } place) md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Assembly.Place"]} : {place}");
        if (assembly.OnlineLink is { } link) md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Assembly.OnlineLink"]} : {link}");
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Assembly.Chair"]} : {Name(assembly.ChairId)}");
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Assembly.Secretary"]} : {Name(assembly.SecretaryId)}").AppendLine();

        md.AppendLine(CultureInfo.CurrentCulture, $"## {l["Minutes.Attendance"]}").AppendLine();
        md.AppendLine(l["Minutes.AttendanceLine", quorum.Eligible, quorum.Present, quorum.Remote, quorum.Represented, quorum.Correspondence, quorum.Participants]).AppendLine();
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Attendance.Present"]} : {List(attendees.Where(a => a.Attendance == Attendance.Present))}");
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Attendance.Remote"]} : {List(attendees.Where(a => a.Attendance == Attendance.Remote))}");
        var represented = proxies.Where(p => attendees.Any(a => a.MemberId == p.GiverId && a.Attendance == Attendance.Absent))
            .Select(p => l["Minutes.ProxyLine", Name(p.GiverId), p.HolderId is null ? l["Proxy.Blank"].Value : Name(p.HolderId)].Value).Order(StringComparer.CurrentCulture).ToList();
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Minutes.Represented"]} : {(represented.Count > 0 ? string.Join(", ", represented) : "—")}");
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Minutes.Correspondence"]} : {List(attendees.Where(a => a.Attendance == Attendance.Absent && a.VotedByCorrespondence && proxies.All(p => p.GiverId != a.MemberId)))}").AppendLine();
        md.AppendLine(l[quorum.Reached ? "Minutes.QuorumReached" : "Minutes.QuorumNotReached", quorum.Required.ToString(), quorum.Participants, quorum.Eligible]).AppendLine();

        if (secondConvocation is not null)
        {
            md.AppendLine(l["Minutes.Adjourned", time.Format(secondConvocation.ScheduledAt)]).AppendLine();
            return md.ToString();
        }

        md.AppendLine(CultureInfo.CurrentCulture, $"## {l["Minutes.Resolutions"]}").AppendLine();
        foreach (var resolution in agenda)
        {
            md.AppendLine(CultureInfo.CurrentCulture, $"### {resolution.Position}. {resolution.Title}").AppendLine();
            if (!results.TryGetValue(resolution.Id, out var result) || result.Resolution is not { } r)
            {
                md.AppendLine(l["Minutes.NotPutToVote"]).AppendLine();
                continue;
            }
            md.AppendLine(CultureInfo.CurrentCulture, $"{l["DecisionType." + resolution.DecisionType]}{(resolution.Secret ? " · " + l["Vote.Secret"] : "")}").AppendLine();
            md.AppendLine(l["Minutes.Counts", r.Counts.For, r.Counts.Against, r.Counts.Abstain, r.Counts.Blank]).AppendLine();
            foreach (var line in ResultsText.Arithmetic(resolution, r, l)) md.AppendLine(CultureInfo.CurrentCulture, $"- {line}");
            md.AppendLine();
            if (r.Colleges.Count > 0)
            {
                md.AppendLine(CultureInfo.CurrentCulture, $"| {l["Results.College"]} | {l["Results.Weight"]} | {l["Choice.For"]} | {l["Choice.Against"]} | {l["Choice.Abstain"]} | {l["Choice.Blank"]} | {l["Results.ForShare"]} | {l["Results.Contribution"]} |");
                md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var c in r.Colleges)
                    md.AppendLine(CultureInfo.CurrentCulture, $"| {c.College.Name} | {ResultsText.Percent(c.EffectiveWeight)} | {c.Counts.For} | {c.Counts.Against} | {c.Counts.Abstain} | {c.Counts.Blank} | {ResultsText.Percent(c.ForShare)} | {ResultsText.Percent(c.ForContribution)}{(c.CastAsBloc ? " (" + l["Results.Bloc"] + ")" : "")} |");
                md.AppendLine();
            }
            md.AppendLine(CultureInfo.CurrentCulture, $"**{l["Outcome." + resolution.Outcome]}** — {l["Minutes.Digest", resolution.BallotCount, resolution.ClosingDigest ?? ""]}").AppendLine();
        }
        return md.ToString();
    }
}
