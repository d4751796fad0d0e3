using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Treasury;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Treasury.Stripe;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Treasury;

/// <summary>A member's side of the treasury: what they owe and have paid, paying online, their wallet, their attestations.</summary>
[Route("c/{tenant}")]
[Authorize(Policy = Policies.Member)]
public sealed class DuesController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, TreasuryQueries queries, CheckoutDesk checkout,
    DuesCalling calling, WalletDesk wallets, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("dues")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Dues", await ModelAsync(ct));

    /// <summary>Pays what is outstanding on a call through Stripe Checkout (pay-what-you-can: the chosen amount first).</summary>
    [HttpPost("dues/{callId:guid}/pay")]
    public async Task<IActionResult> Pay(Guid callId, AmountForm form, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var call = await db.DuesCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.MemberId == me.Id, ct);
        if (call is null) return NotFound();
        try
        {
            if (call.Tariff == TariffKind.PayWhatYouCan && call.PaidMinor == 0 && form.Minor > 0 && form.Minor != call.AmountMinor)
                call = await calling.ChooseAsync(callId, me.Id, form.Minor, ct);
            if (call.OutstandingMinor == 0) throw new TreasuryException("Treasury.NothingOwed");
            var plan = await db.DuesPlans.AsNoTracking().Where(p => p.Id == call.PlanId).Select(p => p.Name).SingleAsync(ct);
            var url = await checkout.StartAsync(me.Id, User.Identity?.Name, PaymentPurpose.Dues, callId, call.OutstandingMinor,
                $"{plan} {call.PeriodStart:yyyy-MM-dd}", ct);
            return Redirect(url.ToString());
        }
        catch (TreasuryException ex) { return await RefusedAsync(ex, ct); }
    }

    /// <summary>Recurring dues by card: Stripe renews the payment every period.</summary>
    [HttpPost("dues/{callId:guid}/subscribe")]
    public async Task<IActionResult> Subscribe(Guid callId, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        try { return Redirect((await checkout.SubscribeAsync(me.Id, User.Identity?.Name, callId, ct)).ToString()); }
        catch (TreasuryException ex) { return await RefusedAsync(ex, ct); }
    }

    [HttpPost("wallet/top-up")]
    public async Task<IActionResult> TopUp(AmountForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RefusedAsync(null, ct);
        var me = (await currentMember.GetAsync(ct))!;
        try { return Redirect((await checkout.StartAsync(me.Id, User.Identity?.Name, PaymentPurpose.WalletTopUp, null, form.Minor, l["Treasury.WalletTopUp"], ct)).ToString()); }
        catch (TreasuryException ex) { return await RefusedAsync(ex, ct); }
    }

    [HttpPost("wallet/transfer")]
    public async Task<IActionResult> Transfer(TransferForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RefusedAsync(null, ct);
        var me = (await currentMember.GetAsync(ct))!;
        try { await wallets.TransferAsync(me.Id, form.ToMemberId, form.Minor, TransferKind.Member, null, form.Note, ct); }
        catch (TreasuryException ex) { return await RefusedAsync(ex, ct); }
        TempData["Flash"] = "Treasury.Transferred";
        return Redirect($"/c/{Slug}/dues#wallet");
    }

    /// <summary>Where Stripe sends the member back: paid, waiting for the bank, or not paid.</summary>
    [HttpGet("payments/{id:guid}/return")]
    public async Task<IActionResult> Return(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.MemberId == me.Id, ct);
        return payment is null ? NotFound() : View("PaymentReturn", new PaymentReturnModel(Slug, payment));
    }

    /// <summary>The payment attestation: the member's own, or any for the treasurer.</summary>
    [HttpGet("payments/{id:guid}/receipt")]
    public async Task<IActionResult> Receipt(Guid id, CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status == PaymentStatus.Succeeded, ct);
        if (payment is null || (payment.MemberId != me.Id && !me.Grants(MemberRoles.Treasurer))) return NotFound();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantContext.TenantId, ct);
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == payment.MemberId, ct);
        var call = payment.CallId is { } callId ? await db.DuesCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) : null;
        return View("Receipt", new ReceiptModel(tenant, member.DisplayName, payment, call, tenant.TaxReceipts && payment.Purpose == PaymentPurpose.Donation));
    }

    private async Task<IActionResult> RefusedAsync(TreasuryException? ex, CancellationToken ct)
    {
        if (ex is not null) ModelState.AddModelError(string.Empty, l[ex.Message]);
        Response.StatusCode = ex?.Message == "Treasury.ProviderUnavailable" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status422UnprocessableEntity;
        return View("Dues", await ModelAsync(ct));
    }

    private async Task<DuesModel> ModelAsync(CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantContext.TenantId, ct);
        var others = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active && m.Id != me.Id).OrderBy(m => m.DisplayName)
            .Select(m => new KeyValuePair<Guid, string>(m.Id, m.DisplayName)).ToListAsync(ct);
        var transfers = await db.WalletTransfers.AsNoTracking().Where(t => t.FromMemberId == me.Id || t.ToMemberId == me.Id)
            .OrderByDescending(t => t.CreatedAt).Take(50).ToListAsync(ct);
        return new DuesModel(Slug, tenant.Currency, tenant.StripeAccountId is not null, tenant.WalletMinimumTopUpMinor, me.Id,
            await queries.CallsAsync(me.Id, ct), await queries.PaymentsAsync(new PaymentFilter(null, null, null, null, me.Id), ct),
            await queries.OwedByAsync(me.Id, ct), await queries.WalletAsync(me.Id, ct), transfers, others);
    }
}

public sealed record DuesModel(string Slug, string Currency, bool OnlinePayment, long WalletMinimumMinor, Guid MemberId, IReadOnlyList<CallRow> Calls,
    IReadOnlyList<Payment> Payments, long OwedMinor, long WalletMinor, IReadOnlyList<WalletTransfer> Transfers, IReadOnlyList<KeyValuePair<Guid, string>> Members)
{
    public string Name(Guid? id) => Members.FirstOrDefault(m => m.Key == id).Value ?? "?";
}

public sealed record PaymentReturnModel(string Slug, Payment Payment);

public sealed record ReceiptModel(Domain.Tenancy.Tenant Tenant, string MemberName, Payment Payment, DuesCall? Call, bool TaxReceipt);
