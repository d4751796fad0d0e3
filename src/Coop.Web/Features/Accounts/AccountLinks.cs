using Coop.Web.Features.Mail;
using Microsoft.Extensions.Options;

namespace Coop.Web.Features.Accounts;

/// <summary>
/// Absolute links for mails. They use the configured public base URL, never the request's Host header, so a
/// forged Host cannot send someone a password-reset link to another site. Without configuration (a developer's
/// machine) the request's own address is used.
/// </summary>
public sealed class AccountLinks(IHttpContextAccessor http, IOptions<SmtpOptions> options)
{
    public Uri To(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl;
        var request = http.HttpContext?.Request;
        var origin = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}";
        return new Uri(origin + pathAndQuery);
    }
}
