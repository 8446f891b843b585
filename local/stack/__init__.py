"""The Docker-free local stack: moto, the Contabo simulator, the API and the schedules."""
