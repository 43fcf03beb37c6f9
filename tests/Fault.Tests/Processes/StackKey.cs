using System.Runtime.CompilerServices;
using Uitstroom.Tests;
using Uitstroom.Tests.Stack;

namespace Uitstroom.Fault.Tests.Processes;

/// <summary>Every client the fault tests make (StackClients) carries the admin key of the test keys file.</summary>
internal static class StackKey
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "the key must be set before any fixture makes a client")]
    internal static void UseTheTestAdminKey() => StackClients.Key = TestKeys.Admin;
}
