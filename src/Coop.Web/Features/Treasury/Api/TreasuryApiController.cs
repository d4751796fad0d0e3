using Coop.Domain.Treasury;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Treasury;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coop.Web.Features.Treasury.Api;

public sealed record CallDto(Guid Id, Guid MemberId, string Member, string Plan, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, string Tariff,
    long AmountMinor, long PaidMinor, long WaivedMinor, long OutstandingMinor, string Status)
{
    public static CallDto From(CallRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var c = row.Call;
        return new(c.Id, c.MemberId, row.Member, row.PlanName, c.PeriodStart, c.PeriodEnd, c.DueOn, c.Tariff.ToString(), c.AmountMinor, c.PaidMinor, c.WaivedMinor,
            c.OutstandingMinor, row.Status.ToString());
    }
}

public sealed record PaymentDto(Guid Id, Guid MemberId, string Purpose, Guid? CallId, long AmountMinor, long RefundedMinor, long FeeMinor, string Currency,
    string? Method, string Status, string? ReceiptNumber, DateOnly Date, string Reference)
{
    public static PaymentDto From(Payment p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.MemberId, p.Purpose.ToString(), p.CallId, p.AmountMinor, p.RefundedMinor, p.FeeMinor, p.Currency, p.Method?.ToString(), p.Status.ToString(),
            p.ReceiptNumber, p.Date, p.Reference);
    }
}

public sealed record MyDuesDto(long OwedMinor, long WalletMinor, IReadOnlyList<CallDto> Calls, IReadOnlyList<PaymentDto> Payments);

public sealed record AccountDto(string Account, long DebitMinor, long CreditMinor, long BalanceMinor);

/// <summary>A member's dues and payments. Amounts are in minor units (cents) of the cooperative's currency.</summary>
[Route("c/{tenant}/api/dues")]
[Authorize(Policy = Policies.ApiMember)]
public sealed class DuesApiController(TreasuryQueries queries, CurrentMember currentMember) : ApiControllerBase
{
    [HttpGet("mine")]
    [ProducesResponseType(typeof(MyDuesDto), StatusCodes.Status200OK)]
    public async Task<MyDuesDto> Mine(CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        return new MyDuesDto(await queries.OwedByAsync(me.Id, ct), await queries.WalletAsync(me.Id, ct),
            (await queries.CallsAsync(me.Id, ct)).Select(CallDto.From).ToList(),
            (await queries.PaymentsAsync(new PaymentFilter(null, null, null, null, me.Id), ct)).Select(PaymentDto.From).ToList());
    }
}

/// <summary>The treasurer's lists: calls, payments (with the page's filters), and the trial balance.</summary>
[Route("c/{tenant}/api/treasury")]
[Authorize(Policy = Policies.ApiTreasurer)]
public sealed class TreasuryApiController(TreasuryQueries queries) : ApiControllerBase
{
    [HttpGet("calls")]
    [ProducesResponseType(typeof(IReadOnlyList<CallDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<CallDto>> Calls(CancellationToken ct) => (await queries.CallsAsync(null, ct)).Select(CallDto.From).ToList();

    [HttpGet("payments")]
    [ProducesResponseType(typeof(IReadOnlyList<PaymentDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<PaymentDto>> Payments(PaymentStatus? status, PaymentMethod? method, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        (await queries.PaymentsAsync(new PaymentFilter(status, method, from, to, null), ct)).Select(PaymentDto.From).ToList();

    [HttpGet("trial-balance")]
    [ProducesResponseType(typeof(IReadOnlyList<AccountDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<AccountDto>> TrialBalance(CancellationToken ct) =>
        (await queries.TrialBalanceAsync(ct)).Select(a => new AccountDto(a.Account, a.DebitMinor, a.CreditMinor, a.BalanceMinor)).ToList();
}
