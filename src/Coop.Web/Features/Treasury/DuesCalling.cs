using Coop.Data;
using Coop.Domain.Membership;
using Coop.Domain.Treasury;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury;

/// <summary>
/// Calls a plan's dues for a period: one call per active member (at their category's tariff, or the standard
/// amount), each posted to the ledger. Calling the same period again only adds members who joined since.
/// </summary>
public sealed class DuesCalling(CoopDbContext db, Books books, TimeProvider clock)
{
    public async Task<int> CallAsync(Guid planId, DateOnly day, CancellationToken ct) => await books.InTransactionAsync(async token =>
    {
        var plan = await db.DuesPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.Active, token)
            ?? throw new TreasuryException("Treasury.NoSuchPlan");
        var (start, end) = plan.PeriodOf(day);
        var tariffs = await db.DuesTariffs.AsNoTracking().Where(t => t.PlanId == planId).ToDictionaryAsync(t => t.CategoryId, token);
        var called = db.DuesCalls.Where(c => c.PlanId == planId && c.PeriodStart == start).Select(c => c.MemberId);
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active && !called.Contains(m.Id))
            .Select(m => new { m.Id, m.CategoryId }).ToListAsync(token);
        var now = clock.GetUtcNow();
        var label = $"{plan.Name} {start:yyyy-MM-dd}";
        // Due from the start of the period, or from today when a period is called late (never overdue the day it is called).
        var dueOn = start > day ? start : day;
        foreach (var member in members)
        {
            var tariff = member.CategoryId is { } category && tariffs.TryGetValue(category, out var t) ? t : null;
            var call = new DuesCall(plan.Id, member.Id, start, end, dueOn, tariff?.Kind ?? TariffKind.Standard, tariff?.AmountMinor ?? plan.StandardMinor, now);
            db.DuesCalls.Add(call);
            if (call.AmountMinor > 0)
                await books.PostAsync(Journal.VE, label, EntrySource.DuesCall, call.Id, Postings.DuesCalled(member.Id, call.AmountMinor), token, start);
        }
        return members.Count;
    }, ct);

    /// <summary>The treasurer waives part of a call, with a reason (the caller audits it).</summary>
    public Task<DuesCall> WaiveAsync(Guid callId, long amountMinor, string reason, CancellationToken ct) => books.InTransactionAsync(async token =>
    {
        var call = await db.DuesCalls.FirstOrDefaultAsync(c => c.Id == callId, token) ?? throw new TreasuryException("Treasury.NoSuchCall");
        call.Waive(amountMinor, reason);
        await books.PostAsync(Journal.VE, reason, EntrySource.DuesWaiver, call.Id, Postings.DuesWaived(call.MemberId, amountMinor), token);
        return call;
    }, ct);

    /// <summary>Under pay-what-you-can, the member's chosen amount; the difference with the minimum is posted as more dues called.</summary>
    public Task<DuesCall> ChooseAsync(Guid callId, Guid memberId, long amountMinor, CancellationToken ct) => books.InTransactionAsync(async token =>
    {
        var call = await db.DuesCalls.FirstOrDefaultAsync(c => c.Id == callId && c.MemberId == memberId, token) ?? throw new TreasuryException("Treasury.NoSuchCall");
        var change = call.Choose(amountMinor);
        if (change > 0) await books.PostAsync(Journal.VE, "PWYC", EntrySource.DuesCall, call.Id, Postings.DuesCalled(memberId, change), token);
        else if (change < 0) await books.PostAsync(Journal.VE, "PWYC", EntrySource.DuesWaiver, call.Id, Postings.DuesWaived(memberId, -change), token);
        return call;
    }, ct);
}
