"""A small catalogue for the answers to a need: air-quality hubs, a funding desk, robots."""


def build_air_hubs(build) -> None:
    """Air-quality hubs in Germany and Belgium, a funding desk in France, robots in Malta.

    The German hub tests sensors and trains staff; the Belgian one has no services.
    """
    air = build.organisation(
        ref="de-air",
        name="German Air Lab",
        country="DE",
        description="Air quality sensors and pollution monitoring for cities.",
    )
    build.service(
        air,
        ref="de-air-test",
        title="Test air quality sensors before you buy them",
        family="test_before_invest",
        description="Pilot low-cost air quality sensors in real streets.",
    )
    build.service(
        air,
        ref="de-air-train",
        title="Training for city staff on air quality data",
        family="skills_training",
        description="Courses for municipal staff to read sensor data.",
    )
    build.organisation(
        ref="be-air",
        name="Belgian Air Network",
        country="BE",
        description="Air quality sensors for our city: pollution monitoring and open data.",
    )
    desk = build.organisation(
        ref="fr-funding", name="French Funding Desk", country="FR", description="Grants."
    )
    build.service(
        desk,
        ref="fr-funding-advice",
        title="EU funding for air quality sensor networks",
        family="investment_support",
        description="Find EU grants for the roll-out of sensor networks.",
    )
    build.organisation(
        ref="mt-robots", name="Malta Robots", country="MT", description="Welding robots."
    )
