using System.Globalization;
using System.Text;
using Coop.Data;
using Coop.Domain.Governance;
using Coop.Domain.Membership;
using Coop.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>One assembly as a member (or the chair) sees it.</summary>
public sealed record AssemblyModel(
    string Slug,
    Assembly Assembly,
    IReadOnlyList<Vote> Agenda,
    AssemblyQuorum? Quorum,
    Member Me,
    bool IsAdmin,
    AssemblyAttendee? MyAttendance,
    ProxyGrant? MyProxy,
    IReadOnlyList<string> ProxiesIHold,
    IReadOnlyList<(Guid Id, string Name)> PossibleHolders,
    int ProxyCap,
    IReadOnlyList<(AssemblyAttendee Attendee, string Name, string? ProxyTo)> Attendees,
    IReadOnlyDictionary<Guid, string> Names,
    TenantTime Time)
{
    public string Name(Guid? id) => id is { } x ? Names.GetValueOrDefault(x, "?") : "—";

    public bool IsSignatory => Me.Id == Assembly.ChairId || Me.Id == Assembly.SecretaryId;

    public IEnumerable<(string Label, string Url)> DocumentLinks => (Assembly.Documents ?? string.Empty).Split('\n')
        .Select(line => line.Trim()).Where(line => line.Length > 0)
        .Select(line => line.Split('|', 2) is [var label, var url] ? (label.Trim(), url.Trim()) : (line, line))
        .Where(d => Uri.TryCreate(d.Item2, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");

    /// <summary>The signatures, appended when the minutes are exported (the stored text itself never changes).</summary>
    public string SignatureMarkdown(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var md = new StringBuilder().AppendLine().AppendLine(CultureInfo.CurrentCulture, $"## {l["Minutes.Signatures"]}").AppendLine();
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Assembly.Chair"]} : {Name(Assembly.ChairId)} — {(Assembly.ChairSignedAt is { } c ? l["Minutes.SignedOn", Time.Format(c)] : l["Minutes.NotSigned"])}");
        md.AppendLine(CultureInfo.CurrentCulture, $"- {l["Assembly.Secretary"]} : {Name(Assembly.SecretaryId)} — {(Assembly.SecretarySignedAt is { } s ? l["Minutes.SignedOn", Time.Format(s)] : l["Minutes.NotSigned"])}");
        return md.ToString();
    }
}

public sealed class AssemblyReader(CoopDbContext db, DecisionRules rules, Data.Tenancy.TenantContext tenant, TenantTime time)
{
    public async Task<AssemblyModel?> ReadAsync(Guid id, Member me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var assembly = await db.Assemblies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assembly is null) return null;
        var agenda = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == id).OrderBy(v => v.Position).ToListAsync(ct);
        var attendees = await db.AssemblyAttendees.AsNoTracking().Where(a => a.AssemblyId == id).ToListAsync(ct);
        var proxies = await db.ProxyGrants.AsNoTracking().Where(p => p.AssemblyId == id && p.RevokedAt == null).ToListAsync(ct);
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var rule = await rules.ForAsync(assembly.Type, assembly.Convocation, ct);
        var quorum = assembly.Status == AssemblyStatus.Draft ? null
            : AssemblyQuorum.From(assembly.EligibleCount, attendees, proxies.Select(p => p.GiverId).ToHashSet(), rule.ToDecisionRule().Quorum);
        var cap = ProxyRules.MaxPerHolder(rule.ProxyCap, rule.ProxyFixedCap, assembly.EligibleCount);
        var mine = attendees.FirstOrDefault(a => a.MemberId == me.Id);
        var holders = attendees.Where(a => a.MemberId != me.Id && proxies.All(p => p.GiverId != a.MemberId))
            .Select(a => (a.MemberId, names.GetValueOrDefault(a.MemberId, "?"))).OrderBy(x => x.Item2, StringComparer.CurrentCulture).ToList();
        var list = attendees.Select(a =>
        {
            var given = proxies.FirstOrDefault(p => p.GiverId == a.MemberId);
            return (a, names.GetValueOrDefault(a.MemberId, "?"), given is null ? null : given.HolderId is { } h ? names.GetValueOrDefault(h, "?") : "");
        }).OrderBy(x => x.Item2, StringComparer.CurrentCulture).ToList();
        return new AssemblyModel(tenant.Current!.Slug, assembly, agenda, quorum, me, me.Grants(MemberRoles.Admin), mine,
            proxies.FirstOrDefault(p => p.GiverId == me.Id),
            proxies.Where(p => p.HolderId == me.Id).Select(p => names.GetValueOrDefault(p.GiverId, "?")).ToList(),
            holders, cap, list!, names, time);
    }
}
