namespace OfficerTraining.Web;

/// <summary>Marker for the UI texts in Resources/SharedResource.resx (zh-CN, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
