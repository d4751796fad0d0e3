using System.Threading.RateLimiting;
using Coop.Data;
using Coop.Data.Accounts;
using Coop.Data.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coop.Web.Features.Accounts;

public static class DependencyInjection
{
    public const string AccountRateLimit = "account";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Keys in the database: every app node can read every other node's cookies. AES-256-GCM rather than the
        // default AES-CBC with an HMAC: one OpenSSL operation instead of two, a third cheaper for every cookie and form
        // token (keys made before keep their algorithm until they expire).
        services.AddDataProtection().SetApplicationName("Coop")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = "coop.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                // A signed-in person without the right gets the 403 page, not a redirect loop.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            }));
        services.AddSingleton<RecentTickets>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<RecentTickets>((o, tickets) => o.TicketDataFormat = tickets.Around(o.TicketDataFormat));
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));

        services.AddIdentityCore<CoopUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Tokens.AuthenticatorTokenProvider = ReplayProtectedAuthenticatorTokenProvider.Name;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<CoopDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(ReplayProtectedAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddScoped<LocalizedIdentityErrors>();
        services.AddScoped<SecurityStampValidator<CoopUser>>();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, DueSecurityStampValidator>());
        // OWASP 2023 guidance for PBKDF2-HMAC-SHA512 is 210,000 iterations; Identity's default is lower.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));

        AddRateLimits(builder);
        services.AddScoped<AccountLinks>();
        services.AddScoped<AccountMails>();
        return builder;
    }

    /// <summary>Log-in, registration and password reset: a fixed window per client address; excess answers 429.</summary>
    private static void AddRateLimits(IHostApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("RateLimits:Account:PermitLimit", 10);
        var window = TimeSpan.FromSeconds(builder.Configuration.GetValue("RateLimits:Account:WindowSeconds", 60));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(AccountRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                (http.Connection.RemoteIpAddress?.ToString() ?? "local") + http.Request.Path,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        });
    }
}
