namespace OfficerTraining.Agencies;

/// <summary>The enforcement domains (执法领域) named in the city's answer, domain.md. Stored by name.</summary>
public enum EnforcementDomain
{
    PublicSecurity,      // 公安
    UrbanManagement,     // 城市管理
    MarketRegulation,    // 市场监管
    EcologyEnvironment,  // 生态环境
    CulturalMarket,      // 文化市场
    Transport,           // 交通运输
    EmergencyManagement, // 应急管理
}

/// <summary>City → county → department (市 → 县 → 部门).</summary>
public enum AgencyLevel
{
    City,
    County,
    Department,
}
