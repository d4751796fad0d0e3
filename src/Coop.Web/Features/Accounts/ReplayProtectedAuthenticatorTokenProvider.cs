using System.Globalization;
using Coop.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Coop.Web.Features.Accounts;

/// <summary>
/// Authenticator-app codes, accepted one step either side of now for clock drift, and never twice: the last
/// accepted time step is stored with the account, and a code from that step or an earlier one is refused.
/// Saving it goes through Identity's concurrency stamp, so two simultaneous sign-ins with one code cannot both win.
/// </summary>
public sealed class ReplayProtectedAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<CoopUser>
{
    public const string Name = "CoopAuthenticator";
    private const string Store = "[Coop]";
    private const string LastStepToken = "LastTotpStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CoopUser> manager, CoopUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<CoopUser> manager, CoopUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CoopUser> manager, CoopUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code is not { Length: 6 } || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return false;

        var keyBytes = Totp.DecodeBase32(key);
        var now = Totp.StepAt(clock.GetUtcNow());
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
            if (Totp.Compute(keyBytes, step) == value) matched = step;
        if (matched is null) return false;

        var last = await manager.GetAuthenticationTokenAsync(user, Store, LastStepToken);
        if (last is not null && long.Parse(last, CultureInfo.InvariantCulture) >= matched) return false;
        var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastStepToken, matched.Value.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}
