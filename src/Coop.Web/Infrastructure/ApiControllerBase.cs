using Microsoft.AspNetCore.Mvc;

namespace Coop.Web.Infrastructure;

/// <summary>
/// JSON endpoints: bearer tokens only (no cookies, hence no cross-site request forgery and no antiforgery token),
/// RFC 7807 problem details for every error.
/// </summary>
[ApiController]
[IgnoreAntiforgeryToken]
public abstract class ApiControllerBase : ControllerBase;
