using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Treasury;
using Coop.Web.Features.Treasury;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Browser.Tests;

/// <summary>Cooperative A with online payment on a connected account, this year's dues called, its admin as treasurer, and one cheque received.</summary>
public sealed record TreasurySeed(Guid ChequePayment)
{
    public static async Task<TreasurySeed> CreateAsync(CoopApp app, World world)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(world);
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(world.A), "browser test");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoopDbContext>();
        var admin = await db.Members.SingleAsync(m => m.UserId == world.AdminA.Id);
        admin.ChangeRoles(admin.Roles | MemberRoles.Admin | MemberRoles.Treasurer);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == world.A.Id);
        tenant.ConfigureTreasury("acct_browser" + world.A.Slug.Replace("-", "", StringComparison.Ordinal), sepaDebit: true, preAuthorizedDebit: false, taxReceipts: false, 500);
        var plan = new DuesPlan("Cotisation annuelle", DuesPeriod.Yearly, 0, new DateOnly(DateTime.UtcNow.Year, 1, 1), 3_000, 30, DateTimeOffset.UtcNow);
        db.DuesPlans.Add(plan);
        await db.SaveChangesAsync();
        await services.GetRequiredService<DuesCalling>().CallAsync(plan.Id, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        var adminCall = await db.DuesCalls.AsNoTracking().SingleAsync(c => c.MemberId == admin.Id);
        var cheque = await services.GetRequiredService<PaymentDesk>().RecordAsync(
            new ManualPayment(admin.Id, PaymentPurpose.Dues, adminCall.Id, 1_000, PaymentMethod.Cheque, "Chèque 118", DateOnly.FromDateTime(DateTime.UtcNow)), admin.Id, CancellationToken.None);
        return new TreasurySeed(cheque.Id);
    }
}
