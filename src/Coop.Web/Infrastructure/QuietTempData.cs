using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Coop.Web.Infrastructure;

/// <summary>
/// The cookie TempData provider, except that it leaves an absent cookie alone. The stock one deletes its cookie on
/// every response whose TempData is empty, even when the request never had one; since every layout reads the flash
/// message, every page carried a Set-Cookie header for nothing. A cookie that was sent is still deleted once read.
/// </summary>
public sealed class QuietTempData(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var name = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(name)) return;
        cookies.SaveTempData(context, values);
    }
}
