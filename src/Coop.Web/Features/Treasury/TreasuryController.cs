using System.Globalization;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Treasury;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Treasury.Stripe;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Treasury;

/// <summary>The treasurer's desk: the month at a glance, plans and calls, payments by hand, refunds, waivers, the books and their exports.</summary>
[Route("c/{tenant}/treasury")]
[Authorize(Policy = Policies.Treasurer)]
public sealed class TreasuryController(CoopDbContext db, Tenancy.TenantCatalog catalog, TenantContext tenantContext, CurrentMember currentMember, TreasuryQueries queries, DuesCalling calling,
    PaymentDesk payments, CheckoutDesk checkout, WalletDesk wallets, DuesReminders reminders, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;
    private string Currency => tenantContext.Current!.Currency;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("TreasuryDashboard", new DashboardModel(Slug, Currency, await queries.DashboardAsync(ct)));

    [HttpPost("calls/{id:guid}/remind")]
    public async Task<IActionResult> Remind(Guid id, CancellationToken ct)
    {
        var call = await db.DuesCalls.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        await reminders.RemindAsync(call, ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Treasury.Reminded";
        return Redirect($"/c/{Slug}/treasury");
    }

    [HttpPost("calls/{id:guid}/waive")]
    public async Task<IActionResult> Waive(Guid id, WaiveForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await CallsViewAsync(ct);
        try
        {
            var call = await calling.WaiveAsync(id, form.Minor, form.Reason!, ct);
            audit.Record("dues.waived", call.Id, form.Reason!, new { call.AmountMinor }, new { form.Minor, call.WaivedMinor });
            await db.SaveChangesAsync(ct);
        }
        catch (TreasuryException ex) { return await CallsViewAsync(ct, ex); }
        TempData["Flash"] = "Treasury.Waived";
        return Redirect($"/c/{Slug}/treasury/calls");
    }

    [HttpGet("calls")]
    public Task<IActionResult> Calls(CancellationToken ct) => CallsViewAsync(ct);

    [HttpGet("plans")]
    public async Task<IActionResult> Plans(CancellationToken ct) => View("TreasuryPlans", await PlansModelAsync(new PlanForm(), ct));

    [HttpPost("plans")]
    public async Task<IActionResult> CreatePlan(PlanForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid || await db.DuesPlans.AnyAsync(p => p.Name == form.Name!.Trim(), ct))
        {
            if (ModelState.IsValid) ModelState.AddModelError(nameof(form.Name), l["Treasury.PlanExists"]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("TreasuryPlans", await PlansModelAsync(form, ct));
        }
        var plan = new DuesPlan(form.Name!, form.Period, form.CustomMonths, form.StartsOn!.Value, Money.Parse(form.Standard)!.Value, form.GraceDays, DateTimeOffset.UtcNow);
        db.DuesPlans.Add(plan);
        foreach (var row in form.Tariffs.Where(r => !string.IsNullOrWhiteSpace(r.Amount) || r.Kind != TariffKind.Standard))
            db.DuesTariffs.Add(new DuesTariff(plan.Id, row.CategoryId, row.Kind, Money.Parse(row.Amount) ?? plan.StandardMinor));
        audit.Record("dues.plan", plan.Id, plan.Name, null, new { plan.Name, plan.Period, plan.StandardMinor });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Treasury.PlanCreated";
        return Redirect($"/c/{Slug}/treasury/plans");
    }

    /// <summary>Calls the current period's dues of a plan (again: only members not yet called).</summary>
    [HttpPost("plans/{id:guid}/call")]
    public async Task<IActionResult> Call(Guid id, CancellationToken ct)
    {
        try
        {
            var count = await calling.CallAsync(id, queries.Today, ct);
            audit.Record("dues.called", id, count.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = count == 0 ? "Treasury.NobodyToCall" : "Treasury.Called";
        }
        catch (TreasuryException ex) { TempData["Flash"] = ex.Message; }
        return Redirect($"/c/{Slug}/treasury/calls");
    }

    [HttpGet("payments")]
    public async Task<IActionResult> Payments(PaymentStatus? status, PaymentMethod? method, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var filter = new PaymentFilter(status, method, from, to, null);
        var list = await queries.PaymentsAsync(filter, ct);
        return View("TreasuryPayments", new PaymentsModel(Slug, Currency, filter, list, await queries.NamesAsync(list.Select(p => p.MemberId), ct)));
    }

    [HttpGet("payments.csv")]
    public async Task<IActionResult> PaymentsCsv(PaymentStatus? status, PaymentMethod? method, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var list = await queries.PaymentsAsync(new PaymentFilter(status, method, from, to, null), ct);
        var names = await queries.NamesAsync(list.Select(p => p.MemberId), ct);
        audit.Record("treasury.exported", null, "payments.csv");
        await db.SaveChangesAsync(ct);
        return CsvExport.File(["receipt", "date", "member", "purpose", "method", "status", "amount", "refunded", "fee", "currency", "reference"],
            list.Select(p => new[] { p.ReceiptNumber, p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), names.GetValueOrDefault(p.MemberId), p.Purpose.ToString(),
                p.Method?.ToString(), p.Status.ToString(), CsvExport.Amount(p.AmountMinor), CsvExport.Amount(p.RefundedMinor), CsvExport.Amount(p.FeeMinor), p.Currency, p.Reference }),
            $"payments-{Slug}.csv");
    }

    [HttpGet("payments/new")]
    public async Task<IActionResult> NewPayment(Guid? callId, CancellationToken ct)
    {
        var form = new ManualPaymentForm { CallId = callId, Date = queries.Today };
        if (callId is { } id && await db.DuesCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } call)
            (form.MemberId, form.Amount) = (call.MemberId, (call.OutstandingMinor / 100m).ToString("0.00", CultureInfo.InvariantCulture));
        return View("TreasuryPaymentNew", await PaymentFormModelAsync(form, ct));
    }

    [HttpPost("payments")]
    public async Task<IActionResult> RecordPayment(ManualPaymentForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var me = (await currentMember.GetAsync(ct))!;
            try
            {
                var payment = await payments.RecordAsync(new ManualPayment(form.MemberId!.Value, form.Purpose, form.CallId, form.Minor, form.Method,
                    form.Reference ?? "", form.Date!.Value), me.Id, ct);
                audit.Record("payment.recorded", payment.Id, payment.ReceiptNumber ?? "", null, new { payment.AmountMinor, payment.Method, payment.Reference });
                await db.SaveChangesAsync(ct);
                TempData["Flash"] = "Treasury.PaymentRecorded";
                return Redirect($"/c/{Slug}/payments/{payment.Id}/receipt");
            }
            catch (TreasuryException ex) { ModelState.AddModelError(string.Empty, l[ex.Message]); }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("TreasuryPaymentNew", await PaymentFormModelAsync(form, ct));
    }

    [HttpPost("payments/{id:guid}/refund")]
    public async Task<IActionResult> Refund(Guid id, AmountForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await checkout.RefundAsync(id, form.Minor, ct);
                audit.Record("payment.refunded", id, form.Amount ?? "", null, new { form.Minor });
                await db.SaveChangesAsync(ct);
                TempData["Flash"] = "Treasury.RefundRecorded";
                return Redirect($"/c/{Slug}/treasury/payments");
            }
            catch (TreasuryException ex) { ModelState.AddModelError(string.Empty, l[ex.Message]); }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var list = await queries.PaymentsAsync(new PaymentFilter(null, null, null, null, null), ct);
        return View("TreasuryPayments", new PaymentsModel(Slug, Currency, new PaymentFilter(null, null, null, null, null), list, await queries.NamesAsync(list.Select(p => p.MemberId), ct)));
    }

    [HttpPost("wallets/{memberId:guid}/payout")]
    public async Task<IActionResult> PayOut(Guid memberId, AmountForm form, CancellationToken ct)
    {
        try
        {
            if (!ModelState.IsValid) throw new TreasuryException("Treasury.AmountInvalid");
            await wallets.PayOutAsync(memberId, form.Minor, l["Treasury.Payout"], ct);
            audit.Record("wallet.payout", memberId, form.Amount ?? "");
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Treasury.PaidOut";
        }
        catch (TreasuryException ex) { TempData["Flash"] = ex.Message; }
        return Redirect($"/c/{Slug}/treasury/ledger");
    }

    [HttpGet("ledger")]
    public async Task<IActionResult> Ledger(CancellationToken ct)
    {
        var wallets = await db.Wallets.AsNoTracking().Where(w => w.BalanceMinor > 0).ToListAsync(ct);
        return View("TreasuryLedger", new LedgerModel(Slug, Currency, await queries.TrialBalanceAsync(ct), wallets, await queries.NamesAsync(wallets.Select(w => w.MemberId), ct)));
    }

    [HttpGet("journal.csv")]
    public async Task<IActionResult> JournalCsv(CancellationToken ct)
    {
        var rows = await queries.JournalAsync(ct);
        var names = await queries.NamesAsync(rows.Where(r => r.Line.MemberId.HasValue).Select(r => r.Line.MemberId!.Value), ct);
        audit.Record("treasury.exported", null, "journal.csv");
        await db.SaveChangesAsync(ct);
        return CsvExport.File(["number", "date", "journal", "label", "account", "member", "debit", "credit"],
            rows.Select(r => new[] { CsvExport.Number(r.Entry.Number), r.Entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Entry.Journal.ToString(), r.Entry.Label,
                r.Line.Account, r.Line.MemberId is { } m ? names.GetValueOrDefault(m) : null, CsvExport.Amount(r.Line.DebitMinor), CsvExport.Amount(r.Line.CreditMinor) }),
            $"journal-{Slug}.csv");
    }

    /// <summary>The French Fichier des écritures comptables (FEC): tab-separated, the 18 columns of article A47 A-1 of the LPF.</summary>
    [HttpGet("fec.txt")]
    public async Task<IActionResult> Fec(CancellationToken ct)
    {
        var rows = await queries.JournalAsync(ct);
        var names = await queries.NamesAsync(rows.Where(r => r.Line.MemberId.HasValue).Select(r => r.Line.MemberId!.Value), ct);
        audit.Record("treasury.exported", null, "fec.txt");
        await db.SaveChangesAsync(ct);
        return File(System.Text.Encoding.UTF8.GetBytes(FecExport.Write(rows, names, l)), "text/plain; charset=utf-8", $"FEC-{Slug}.txt");
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken ct)
    {
        var t = await db.Tenants.AsNoTracking().SingleAsync(x => x.Id == tenantContext.TenantId, ct);
        return View("TreasurySettings", new TreasurySettingsModel(Slug, t.Currency, new TreasurySettingsForm
        {
            StripeAccountId = t.StripeAccountId, SepaDebit = t.SepaDebit, PreAuthorizedDebit = t.PreAuthorizedDebit, TaxReceipts = t.TaxReceipts,
            WalletMinimum = (t.WalletMinimumTopUpMinor / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        }));
    }

    [HttpPost("settings")]
    public async Task<IActionResult> SaveSettings(TreasurySettingsForm form, CancellationToken ct)
    {
        var t = await db.Tenants.SingleAsync(x => x.Id == tenantContext.TenantId, ct);
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(form.StripeAccountId)
            && await catalog.FindByStripeAccountAsync(form.StripeAccountId.Trim(), ct) is { } owner && owner.Id != t.Id)
            ModelState.AddModelError(nameof(form.StripeAccountId), l["Treasury.StripeAccountTaken"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("TreasurySettings", new TreasurySettingsModel(Slug, t.Currency, form));
        }
        var before = new { t.StripeAccountId, t.SepaDebit, t.PreAuthorizedDebit, t.TaxReceipts, t.WalletMinimumTopUpMinor };
        t.ConfigureTreasury(form.StripeAccountId, form.SepaDebit, form.PreAuthorizedDebit, form.TaxReceipts, Money.Parse(form.WalletMinimum)!.Value);
        audit.Record("treasury.settings", t.Id, t.Name, before, new { t.StripeAccountId, t.SepaDebit, t.PreAuthorizedDebit, t.TaxReceipts, t.WalletMinimumTopUpMinor });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Settings.Saved";
        return Redirect($"/c/{Slug}/treasury/settings");
    }

    private async Task<IActionResult> CallsViewAsync(CancellationToken ct, TreasuryException? refusal = null)
    {
        if (refusal is not null) ModelState.AddModelError(string.Empty, l[refusal.Message]);
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("TreasuryCalls", new CallsModel(Slug, Currency, await queries.CallsAsync(null, ct)));
    }

    private async Task<PlansModel> PlansModelAsync(PlanForm form, CancellationToken ct)
    {
        var categories = await db.MemberCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        if (form.Tariffs.Count == 0) form.Tariffs = categories.Select(c => new TariffRow { CategoryId = c.Id }).ToList();
        form.StartsOn ??= new DateOnly(queries.Today.Year, 1, 1);
        return new PlansModel(Slug, Currency, await db.DuesPlans.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct),
            await db.DuesTariffs.AsNoTracking().ToListAsync(ct), categories, form);
    }

    private async Task<PaymentFormModel> PaymentFormModelAsync(ManualPaymentForm form, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active).OrderBy(m => m.DisplayName)
            .Select(m => new KeyValuePair<Guid, string>(m.Id, m.DisplayName)).ToListAsync(ct);
        var open = (await queries.CallsAsync(null, ct)).Where(c => c.Call.OutstandingMinor > 0).ToList();
        return new PaymentFormModel(Slug, Currency, form, members, open);
    }
}

public sealed record DashboardModel(string Slug, string Currency, Dashboard Figures);

public sealed record CallsModel(string Slug, string Currency, IReadOnlyList<CallRow> Calls);

public sealed record PlansModel(string Slug, string Currency, IReadOnlyList<DuesPlan> Plans, IReadOnlyList<DuesTariff> Tariffs, IReadOnlyList<MemberCategory> Categories, PlanForm Form);

public sealed record PaymentsModel(string Slug, string Currency, PaymentFilter Filter, IReadOnlyList<Payment> Payments, IReadOnlyDictionary<Guid, string> Names);

public sealed record PaymentFormModel(string Slug, string Currency, ManualPaymentForm Form, IReadOnlyList<KeyValuePair<Guid, string>> Members, IReadOnlyList<CallRow> OpenCalls);

public sealed record LedgerModel(string Slug, string Currency, IReadOnlyList<AccountBalance> Accounts, IReadOnlyList<Wallet> Wallets, IReadOnlyDictionary<Guid, string> Names);

public sealed record TreasurySettingsModel(string Slug, string Currency, TreasurySettingsForm Form);
