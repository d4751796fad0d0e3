using System.Security.Claims;
using Coop.Data;
using Coop.Data.Accounts;
using Coop.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coop.Web.Tests.Accounts;

/// <summary>
/// A session whose security stamp changed (password changed, sessions revoked) ends at its next check, which comes
/// once the validation interval has passed since the cookie was issued; before that nothing is read.
/// </summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class SessionStampTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_changed_stamp_ends_the_session_once_its_check_is_due()
    {
        var user = await World.UserAsync(App.Services, $"stamp-{Guid.NewGuid():N}@test.coop", "Tampon");
        ClaimsPrincipal principal;
        TimeSpan interval;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            principal = await scope.ServiceProvider.GetRequiredService<SignInManager<CoopUser>>().CreateUserPrincipalAsync(user);
            interval = scope.ServiceProvider.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        }
        var due = interval + TimeSpan.FromMinutes(1);

        Assert.That(await ValidateAsync(principal, issuedAgo: TimeSpan.Zero), Is.Not.Null, "fresh cookie, unchanged stamp");
        Assert.That(await ValidateAsync(principal, issuedAgo: due), Is.Not.Null, "due, unchanged stamp");

        await using (var scope = App.Services.CreateAsyncScope()) // as a password change elsewhere does
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CoopUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        Assert.That(await ValidateAsync(principal, issuedAgo: TimeSpan.Zero), Is.Not.Null, "not due yet: the stamp is not read");
        Assert.That(await ValidateAsync(principal, issuedAgo: due), Is.Null, "due: the session ends");
    }

    /// <summary>What the cookie handler does on a request: a scope of its own, then the validator.</summary>
    private async Task<ClaimsPrincipal?> ValidateAsync(ClaimsPrincipal principal, TimeSpan issuedAgo)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        services.GetRequiredService<SignInManager<CoopUser>>().Context = http;
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var properties = new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow - issuedAgo };
        var context = new CookieValidatePrincipalContext(http, scheme, options, new AuthenticationTicket(principal, properties, scheme.Name));
        await services.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
        return context.Principal;
    }
}
