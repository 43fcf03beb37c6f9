using Uitstroom.Normalise.Tables;

namespace Uitstroom.Normalise;

internal static class Extensions
{
    public static WebApplicationBuilder AddNormaliseServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(NormTableCatalog.LoadShipped());
        return builder;
    }
}
